package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A JDK installed beside the harness's (in /usr/lib/jvm, as Debian and Temurin's packages put them). */
record NewerJdk(Path home, int feature) {

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The newest installed JDK of at least {@code feature}, when there is one. */
    static Optional<NewerJdk> atLeast(int feature) {
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.map(NewerJdk::of).flatMap(Optional::stream)
                    .filter(jdk -> jdk.feature() >= feature && Files.isExecutable(jdk.home().resolve("bin/java")))
                    .max(Comparator.comparingInt(NewerJdk::feature));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<NewerJdk> of(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Optional.of(new NewerJdk(home, Integer.parseInt(version.group(1))))
                    : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
