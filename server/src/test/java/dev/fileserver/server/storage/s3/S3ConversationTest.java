package dev.fileserver.server.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * The v1 conversation, frame by frame as the original client exchanged them, with the server's files
 * in a bucket: the same bytes on the wire as with a local folder.
 */
class S3ConversationTest {

    private static final String LISTING = "my file.txt\nnotes.txt\nphotos\n";

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static RunningServer server;

    static BucketView bucket;

    V1Client client;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("served/");
        server = RunningServer.start(temp.resolve("unused"),
                s3.serverArguments(bucket, "--fileserver.max-listing-size=60B"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        s3.close();
    }

    @BeforeEach
    void fill() throws IOException {
        bucket.clear();
        bucket.put("notes.txt", "hello\n", 0640).put("photos/cat.jpg", "meow").put("photos/2024/dog.jpg", "woof")
                .put("my file.txt", "spaced");
        client = V1Client.connectAccepted(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void listAndLsSendOkThenOkThenTheNamesOfTheBucketsFolders() throws IOException {
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", LISTING);
        assertThat(client.request("/ls photos", 3)).containsExactly("ok", "ok", "2024\ncat.jpg\n");
    }

    @Test
    void aMissingPathIsFileErrorAndAFileIsNotAFolder() throws IOException {
        assertThat(client.request("/list nowhere", 3)).containsExactly("ok", "FILEError", "Error: 'nowhere' not found");
        assertThat(client.request("/list notes.txt", 3))
                .containsExactly("ok", "OSError", "Error: 'notes.txt' is not a directory");
    }

    @Test
    void treeDrawsTheFolderAndTheRootIsNamedAfterThePrefix() throws IOException {
        assertThat(client.request("/tree photos", 3)).containsExactly("ok", "ok",
                "photos\n├── 2024\n│   └── dog.jpg\n└── cat.jpg\n");
        bucket.clear();
        bucket.put("a.txt", "a");
        assertThat(client.request("/tree", 3)).containsExactly("ok", "ok", "served\n└── a.txt\n");
    }

    @Test
    void aDownloadedFileCarriesTheModeKeptInItsMetadata() throws IOException {
        assertThat(client.request("/download notes.txt", 2)).containsExactly("ok", "file");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header).isEqualTo(new FileHeader(false, "notes.txt", 0100640, 6, false));
        assertThat(new String(client.receiveContent(header), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(client.request("/download ghost.txt", 3))
                .containsExactly("ok", "not_found", "Error: 'ghost.txt' not found");
    }

    @Test
    void aDownloadedFolderIsAGzipTarOfItsObjectsOfExactlyTheAnnouncedLength() throws IOException {
        assertThat(client.request("/download photos", 2)).containsExactly("ok", "dir");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header.fileName()).isEqualTo("photos.tar.gz");
        byte[] tarball = client.receiveContent(header);
        assertThat(tarball).hasSize((int) header.fileLen());
        assertThat(Tarballs.entryNames(tarball)).containsExactly("photos/", "photos/2024/", "photos/2024/dog.jpg",
                "photos/cat.jpg");
    }

    @Test
    void deleteAsksThenRemovesAFileOrEveryObjectOfAFolder() throws IOException {
        assertThat(client.request("/delete photos", 2)).containsExactly("ok", "dir");
        client.send("n");
        assertThat(client.request("/delete notes.txt", 2)).containsExactly("ok", "file");
        assertThat(client.request("y", 1)).containsExactly("'notes.txt' deleted successfully.");
        assertThat(client.request("/delete photos", 2)).containsExactly("ok", "dir");
        assertThat(client.request("y", 1)).containsExactly("'photos' deleted successfully.");
        assertThat(bucket.names()).containsExactly("my file.txt");
    }

    @Test
    void anUploadedFileBecomesOneObjectWithItsModeInASubFolder() throws IOException {
        assertThat(client.request("/upload photos/2024", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(new FileHeader(false, "bird.jpg", 0100600, 5, false), "tweet".getBytes(StandardCharsets.UTF_8));
        assertThat(client.request("/list photos/2024", 3).get(2)).isEqualTo("bird.jpg\ndog.jpg\n");
        assertThat(bucket.read("photos/2024/bird.jpg")).isEqualTo("tweet");
        assertThat(bucket.mode("photos/2024/bird.jpg")).isEqualTo(0600);
    }

    @Test
    void anUploadIntoAMissingFolderSaysNotFoundAndKeepsTheConversationInStep() throws IOException {
        assertThat(client.request("/upload ghost", 3)).containsExactly("ok", "not_found", "Error: 'ghost' not found");
        client.send("y");
        client.sendFile(FileHeader.ofFile("lost.txt", 0644, 4), "lost".getBytes(StandardCharsets.UTF_8));
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", LISTING);
    }

    @Test
    void aFolderUploadIsUnpackedIntoObjectsAndAcknowledgedWhenAsked() throws IOException {
        assertThat(client.request("/capabilities", 1)).containsExactly("capabilities ack sha256 resume list-long tree-long stat mkdir rename quota");
        assertThat(client.request("/upload photos", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] tarball = tarball("album/", "album/one.txt", "album/empty/");
        client.sendFile(new FileHeader(true, "album.tar.gz", 040755, tarball.length, true), tarball);
        assertThat(client.receive()).isEqualTo("ok");
        assertThat(client.request("/tree photos/album", 3)).containsExactly("ok", "ok",
                "album\n├── empty\n└── one.txt\n");
        assertThat(bucket.read("photos/album/one.txt")).isEqualTo("album/one.txt");
    }

    @Test
    void aV1UploadOfABadTarballStoresNothingAndStaysInStep() throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] notATarball = "not a tarball".getBytes(StandardCharsets.UTF_8);
        client.sendFile(new FileHeader(true, "album.tar.gz", 040755, notATarball.length, false), notATarball);
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", LISTING);
    }

    @Test
    void aListingLongerThanTheLimitIsRefusedWithOsErrorAndTheSessionGoesOn() throws IOException {
        bucket.put("a-name-long-enough-to-pass-the-limit.txt", "x");
        assertThat(client.request("/list", 3)).containsExactly("ok", "OSError",
                "Error: the listing of 'served' is longer than 60 characters; list a folder inside it");
        assertThat(client.request("/list photos", 3)).containsExactly("ok", "ok", "2024\ncat.jpg\n");
    }

    /** A gzip tarball of the given entries, each file holding its own name. */
    private static byte[] tarball(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (String name : names) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                byte[] content = name.getBytes(StandardCharsets.UTF_8);
                if (!entry.isDirectory()) {
                    entry.setSize(content.length);
                }
                tar.putArchiveEntry(entry);
                if (!entry.isDirectory()) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
