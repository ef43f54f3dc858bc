package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A JDK installed beside the running one, in {@code /usr/lib/jvm}, as Debian's and Temurin's packages put them. */
public record InstalledJdk(Path home, int feature) {

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The newest installed JDK of at least {@code feature} that can run, when there is one. */
    public static Optional<InstalledJdk> atLeast(int feature) {
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.map(InstalledJdk::of).flatMap(Optional::stream)
                    .filter(jdk -> jdk.feature() >= feature && Files.isExecutable(jdk.home().resolve("bin/java")))
                    .max(Comparator.comparingInt(InstalledJdk::feature));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<InstalledJdk> of(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Optional.of(new InstalledJdk(home, Integer.parseInt(version.group(1))))
                    : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
