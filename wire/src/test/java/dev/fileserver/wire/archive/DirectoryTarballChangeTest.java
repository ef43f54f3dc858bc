package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTarballChangeTest {

    @TempDir
    Path source;

    private Path folder;

    private Path file;

    @BeforeEach
    void createFolder() throws IOException {
        folder = Files.createDirectory(source.resolve("folder"));
        Files.writeString(folder.resolve("first.txt"), "before");
        file = Files.write(folder.resolve("data.bin"), randomBytes(100_000, 9));
        Files.writeString(folder.resolve("last.txt"), "after");
    }

    @Test
    void aFileThatGrowsBetweenScanAndWriteFailsTheWrite() throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(1);
        }

        assertThatThrownBy(() -> tarball.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(ArchiveChangedException.class)
                .hasMessageContaining("folder/data.bin");
    }

    @Test
    void aFileThatShrinksBetweenScanAndWriteFailsTheWrite() throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        Files.write(file, randomBytes(99_999, 9));

        assertThatThrownBy(() -> tarball.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(ArchiveChangedException.class)
                .hasMessageContaining("folder/data.bin");
    }

    @Test
    void aFileEmptiedBetweenScanAndWriteFailsTheWrite() throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> tarball.writeTo(new ByteArrayOutputStream())).isInstanceOf(ArchiveChangedException.class);
    }

    @Test
    void anEmptyFileThatGainsContentFailsTheWrite() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.txt"));
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        Files.writeString(empty, "x");

        assertThatThrownBy(() -> tarball.writeTo(new ByteArrayOutputStream())).isInstanceOf(ArchiveChangedException.class);
    }
}
