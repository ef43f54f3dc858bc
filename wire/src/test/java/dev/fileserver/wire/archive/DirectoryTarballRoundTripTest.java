package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.FIXED_TIME;
import static dev.fileserver.wire.support.TestSupport.NON_ASCII_NAME;
import static dev.fileserver.wire.support.TestSupport.describeTree;
import static dev.fileserver.wire.support.TestSupport.extractor;
import static dev.fileserver.wire.support.TestSupport.pathsBelow;
import static dev.fileserver.wire.support.TestSupport.sampleTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTarballRoundTripTest {

    @TempDir
    Path source;

    @TempDir
    Path destination;

    private byte[] archive(Path folder) throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tarball.writeTo(out);
        assertThat((long) out.size()).as("bytes written against length()").isEqualTo(tarball.length());
        return out.toByteArray();
    }

    @Test
    void aTreeExtractsToTheSameNamesContentsAndPermissions() throws IOException {
        Path project = sampleTree(source);
        Map<String, String> before = describeTree(project);

        List<String> topLevel = extractor().extract(new ByteArrayInputStream(archive(project)), destination);

        assertThat(topLevel).containsExactly("project");
        assertThat(describeTree(destination.resolve("project"))).isEqualTo(before);
        assertThat(PosixModes.read(destination.resolve("project"), -1)).isEqualTo(PosixModes.read(project, -2));
        assertThat(before).hasSize(11).containsEntry("private", "folder 0700")
                .containsKeys("empty-folder", "empty.txt", "docs/guide/intro.md", NON_ASCII_NAME);
        assertThat(before.get("run.sh")).startsWith("file 0755 ");
        assertThat(before.get("private/secret.txt")).startsWith("file 0600 ");
    }

    @Test
    void everyFileIsCopiedByteForByte() throws IOException {
        Path project = sampleTree(source);

        extractor().extract(new ByteArrayInputStream(archive(project)), destination);

        List<Path> files = pathsBelow(project).stream().filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .toList();
        assertThat(files).hasSize(7);
        for (Path file : files) {
            assertThat(destination.resolve("project").resolve(project.relativize(file).toString()))
                    .hasSameBinaryContentAs(file);
        }
    }

    @Test
    void aFileKeepsItsModificationTimeToTheSecond() throws IOException {
        Path project = sampleTree(source);

        extractor().extract(new ByteArrayInputStream(archive(project)), destination);

        assertThat(Files.getLastModifiedTime(destination.resolve("project").resolve(NON_ASCII_NAME)).toInstant())
                .isEqualTo(FIXED_TIME);
    }

    @Test
    void anEmptyFolderIsAnArchiveOfOneEntry() throws IOException {
        Path empty = Files.createDirectory(source.resolve("nothing"));

        assertThat(DirectoryTarball.scan(empty, path -> true).entryCount()).isEqualTo(1);
        assertThat(extractor().extract(new ByteArrayInputStream(archive(empty)), destination)).containsExactly("nothing");
        assertThat(destination.resolve("nothing")).isEmptyDirectory();
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        Path project = sampleTree(source);
        DirectoryTarball tarball = DirectoryTarball.scan(project, path -> true);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        tarball.writeTo(first);
        tarball.writeTo(second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
    }
}
