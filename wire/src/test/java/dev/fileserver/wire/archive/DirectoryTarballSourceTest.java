package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.FIXED_TIME;
import static dev.fileserver.wire.support.TestSupport.LONG_NAME;
import static dev.fileserver.wire.support.TestSupport.NON_ASCII_NAME;
import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static dev.fileserver.wire.support.TestSupport.sampleTree;
import static dev.fileserver.wire.support.TestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tarball packed from a source that is not a local folder, read back with commons-compress. */
class DirectoryTarballSourceTest {

    private static final FileTime TIME = FileTime.from(FIXED_TIME);

    private static final byte[] BIG = randomBytes(200_000, 5);

    @TempDir
    Path source;

    private static MemoryTree tree() {
        return new MemoryTree(0750, TIME)
                .folder("docs", 0755, TIME)
                .file("docs/intro.md", utf8("# Intro\n"), 0644, TIME)
                .folder("docs/empty", 0700, TIME)
                .file("big.bin", BIG, 0600, FileTime.fromMillis(0))
                .file("empty.txt", new byte[0], 0444, TIME)
                .file(LONG_NAME, utf8("a long name"), 0755, TIME)
                .file(NON_ASCII_NAME, utf8("ünïcödé"), 0644, TIME);
    }

    private static byte[] bytesOf(DirectoryTarball tarball) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tarball.writeTo(out);
        assertThat((long) out.size()).as("bytes written against length()").isEqualTo(tarball.length());
        return out.toByteArray();
    }

    /** Each entry as "name type mode size mtime content". */
    private static List<String> readBack(InputStream gzippedTar) throws IOException {
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(gzippedTar))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String type = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
                entries.add(entry.getName() + " " + type + " " + Integer.toOctalString(entry.getMode() & 07777) + " "
                        + entry.getSize() + " " + entry.getLastModifiedTime().toInstant() + " "
                        + Integer.toHexString(Arrays.hashCode(tar.readAllBytes())));
            }
        }
        return entries;
    }

    private static String expected(String name, String type, int mode, byte[] content, FileTime time) {
        return name + " " + type + " " + Integer.toOctalString(mode) + " " + content.length + " " + time.toInstant() + " "
                + Integer.toHexString(Arrays.hashCode(content));
    }

    private static final List<String> EXPECTED = List.of(
            expected("top/", "folder", 0750, new byte[0], TIME),
            expected("top/docs/", "folder", 0755, new byte[0], TIME),
            expected("top/docs/intro.md", "file", 0644, utf8("# Intro\n"), TIME),
            expected("top/docs/empty/", "folder", 0700, new byte[0], TIME),
            expected("top/big.bin", "file", 0600, BIG, FileTime.fromMillis(0)),
            expected("top/empty.txt", "file", 0444, new byte[0], TIME),
            expected("top/" + LONG_NAME, "file", 0755, utf8("a long name"), TIME),
            expected("top/" + NON_ASCII_NAME, "file", 0644, utf8("ünïcödé"), TIME));

    @Test
    void aTreeInMemoryIsPackedInItsOrderWithItsNamesModesTimesAndContent() throws IOException {
        DirectoryTarball tarball = DirectoryTarball.of("top", tree());

        assertThat(tarball.entryCount()).isEqualTo(8);
        assertThat(readBack(new ByteArrayInputStream(bytesOf(tarball)))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void theCompressedFormReadsBackTheSame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DirectoryTarball.of("top", tree()).writeCompressedTo(out, 6);

        assertThat(readBack(new ByteArrayInputStream(out.toByteArray()))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void theSameTreeGivesTheSameBytesFromMemoryAsFromDisk() throws IOException {
        Path project = sampleTree(source);
        MemoryTree copy = null;
        // Files.walk visits in the order walkFileTree does
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                int mode = PosixModes.read(path, -1);
                String name = project.relativize(path).toString();
                if (copy == null) {
                    copy = new MemoryTree(mode, attributes.lastModifiedTime());
                }
                else if (attributes.isDirectory()) {
                    copy.folder(name, mode, attributes.lastModifiedTime());
                }
                else {
                    copy.file(name, Files.readAllBytes(path), mode, attributes.lastModifiedTime());
                }
            }
        }

        assertThat(bytesOf(DirectoryTarball.of("project", copy)))
                .isEqualTo(bytesOf(DirectoryTarball.scan(project, path -> true)));
    }

    @Test
    void aSourceFileWhoseContentIsNotItsListedSizeFailsTheWrite() throws IOException {
        DirectoryTarball longer = DirectoryTarball.of("top",
                new MemoryTree(0755, TIME).fileListedAs("data.bin", 10, new byte[11], 0644, TIME));
        DirectoryTarball shorter = DirectoryTarball.of("top",
                new MemoryTree(0755, TIME).fileListedAs("data.bin", 10, new byte[9], 0644, TIME));

        assertThatThrownBy(() -> longer.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(ArchiveChangedException.class).hasMessageContaining("top/data.bin");
        assertThatThrownBy(() -> shorter.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(ArchiveChangedException.class).hasMessageContaining("top/data.bin");
    }

    @Test
    void aSourceThatDoesNotListItsRootFirstIsRefused() {
        TarballSource rootless = () -> tree().entries().subList(1, 8);

        assertThatThrownBy(() -> DirectoryTarball.of("top", rootless)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryTarball.of("a/b", tree())).isInstanceOf(IllegalArgumentException.class);
    }
}
