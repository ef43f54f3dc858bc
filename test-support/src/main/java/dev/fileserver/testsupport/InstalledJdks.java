package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs installed beside the one running, where Debian puts them. */
public final class InstalledJdks {

    private InstalledJdks() {
    }

    /** A JDK with the AOT cache (25 or newer), if one is installed under {@code /usr/lib/jvm}. */
    public static Optional<Path> withAotCache() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> featureVersion(home) >= 25).sorted().findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code JAVA_VERSION} of a JDK's {@code release} file, 0 when it has none. */
    public static int featureVersion(Path javaHome) {
        try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", ""))
                    .map(version -> Integer.parseInt(version.split("\\.")[0]))
                    .findFirst().orElse(0);
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
