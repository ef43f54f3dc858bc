package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryTarballLengthTest {

    @TempDir
    Path source;

    @ParameterizedTest(name = "name of {0} characters, {1} bytes")
    @CsvSource({"1, 0", "1, 1", "1, 511", "1, 512", "1, 513", "1, 65535", "1, 200000",
            "90, 10", "91, 10", "92, 10", "93, 10", "98, 10", "99, 10", "100, 10", "150, 10", "255, 10"})
    void theLengthKnownBeforeWritingIsTheLengthWritten(int nameLength, int size) throws IOException {
        Path folder = Files.createDirectory(source.resolve("d"));
        Files.write(folder.resolve("f".repeat(nameLength)), randomBytes(size, size));
        Files.createDirectory(folder.resolve("g".repeat(nameLength)));

        assertLengthIsExact(folder);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"naïve-日本.txt", "😀", "ö"})
    void aNonAsciiNameDoesNotUpsetTheLength(String name) throws IOException {
        Path folder = Files.createDirectory(source.resolve("dé"));
        Files.writeString(folder.resolve(name), "x");
        Files.writeString(folder.resolve(name.repeat(8)), "y");

        assertLengthIsExact(folder);
    }

    private static void assertLengthIsExact(Path folder) throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        tarball.writeTo(out);

        assertThat((long) out.size()).isEqualTo(tarball.length());
    }
}
