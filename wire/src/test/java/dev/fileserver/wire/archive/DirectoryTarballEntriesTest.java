package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.LONG_NAME;
import static dev.fileserver.wire.support.TestSupport.NON_ASCII_NAME;
import static dev.fileserver.wire.support.TestSupport.sampleTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a directory tarball contains, read back with commons-compress rather than our own extractor. */
class DirectoryTarballEntriesTest {

    @TempDir
    Path source;

    /** Entry name to entry, in archive order, with the content of files checked against the tree. */
    private static Map<String, TarArchiveEntry> entries(Path folder, Predicate<Path> include) throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(folder, include);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tarball.writeTo(out);
        assertThat((long) out.size()).isEqualTo(tarball.length());

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(out.toByteArray())))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                byte[] content = tar.readAllBytes();
                if (entry.isFile()) {
                    Path file = folder.getParent().resolve(entry.getName());
                    assertThat(content).as(entry.getName()).isEqualTo(Files.readAllBytes(file));
                }
                entries.put(entry.getName(), entry);
            }
        }
        assertThat(entries).hasSize(tarball.entryCount());
        return entries;
    }

    @Test
    void everyEntryLiesUnderTheFolderBaseNameWhichComesFirst() throws IOException {
        Map<String, TarArchiveEntry> entries = entries(sampleTree(source), path -> true);

        assertThat(entries.keySet()).first().isEqualTo("project/");
        assertThat(entries.keySet()).allSatisfy(name -> assertThat(name).startsWith("project/"));
    }

    @Test
    void commonsCompressListsEveryFileAndFolderOfTheTree() throws IOException {
        Map<String, TarArchiveEntry> entries = entries(sampleTree(source), path -> true);

        assertThat(entries.keySet()).containsExactlyInAnyOrder(
                "project/",
                "project/docs/",
                "project/docs/guide/",
                "project/docs/guide/intro.md",
                "project/empty-folder/",
                "project/private/",
                "project/private/secret.txt",
                "project/empty.txt",
                "project/big.bin",
                "project/" + LONG_NAME,
                "project/" + NON_ASCII_NAME,
                "project/run.sh");
    }

    @Test
    void entriesCarryTypeSizeAndPermissionBits() throws IOException {
        Map<String, TarArchiveEntry> entries = entries(sampleTree(source), path -> true);

        assertThat(entries.get("project/private/").isDirectory()).isTrue();
        assertThat(entries.get("project/private/").getMode() & 07777).isEqualTo(0700);
        assertThat(entries.get("project/private/secret.txt").getMode() & 07777).isEqualTo(0600);
        assertThat(entries.get("project/run.sh").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("project/big.bin").getSize()).isEqualTo(300_000);
        assertThat(entries.get("project/empty.txt").getSize()).isZero();
        assertThat(entries.values()).allSatisfy(entry -> assertThat(entry.isFile() || entry.isDirectory()).isTrue());
    }

    @Test
    void theIncludeTestLeavesOutAFileAndAFolderWithEverythingBelowIt() throws IOException {
        Path project = sampleTree(source);
        Predicate<Path> include = path -> !path.equals(project.resolve("private")) && !path.equals(project.resolve("big.bin"));

        Map<String, TarArchiveEntry> entries = entries(project, include);

        assertThat(entries.keySet()).doesNotContain("project/private/", "project/private/secret.txt", "project/big.bin")
                .contains("project/empty.txt", "project/docs/guide/intro.md");
    }

    @Test
    void theIncludeTestIsNotAskedAboutTheFolderItself() throws IOException {
        Path project = sampleTree(source);

        Map<String, TarArchiveEntry> entries = entries(project, path -> !path.equals(project));

        assertThat(entries).containsKey("project/").hasSize(12);
    }

    @Test
    void symbolicLinksInTheTreeAreNeitherFollowedNorSent() throws IOException {
        Path project = sampleTree(source);
        Path outside = Files.createDirectory(source.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not for the archive");
        Files.createSymbolicLink(project.resolve("link-to-file"), Path.of("empty.txt"));
        Files.createSymbolicLink(project.resolve("link-to-folder"), Path.of("docs"));
        Files.createSymbolicLink(project.resolve("link-out"), Path.of("../outside"));
        Files.createSymbolicLink(project.resolve("dangling"), Path.of("nowhere"));

        Map<String, TarArchiveEntry> entries = entries(project, path -> true);

        // a followed link-out would have brought in project/link-out/secret.txt
        assertThat(entries.keySet()).hasSize(12)
                .noneMatch(name -> name.contains("link") || name.contains("dangling"));
    }
}
