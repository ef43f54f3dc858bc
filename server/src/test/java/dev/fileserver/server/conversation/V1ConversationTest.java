package dev.fileserver.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** Every command of PROTOCOL-V1, frame by frame, as the original client exchanged them. */
class V1ConversationTest {

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass();

    Path root;

    V1Client client;

    @BeforeEach
    void connect() throws IOException {
        root = plantFiles(server.root());
        client = V1Client.connectAccepted(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** A few files and folders, one with a space in its name. */
    private static Path plantFiles(Path root) throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello\n");
        Files.createDirectories(root.resolve("photos/2024"));
        Files.writeString(root.resolve("photos/cat.jpg"), "meow");
        Files.writeString(root.resolve("photos/2024/dog.jpg"), "woof");
        Files.writeString(root.resolve("my file.txt"), "spaced");
        return root;
    }

    @Test
    void listAndLsSendOkThenOkThenTheNamesEachEndingInANewline() throws IOException {
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
        assertThat(client.request("/ls photos", 3)).containsExactly("ok", "ok", "2024\ncat.jpg\n");
    }

    @Test
    void listOfAMissingPathSendsFileErrorAndTheNotFoundText() throws IOException {
        assertThat(client.request("/list nowhere", 3)).containsExactly("ok", "FILEError", "Error: 'nowhere' not found");
    }

    @Test
    void listOfAFileSendsOsErrorAndAMessage() throws IOException {
        assertThat(client.request("/list notes.txt", 3))
                .containsExactly("ok", "OSError", "Error: 'notes.txt' is not a directory");
    }

    @Test
    void treeDrawsTheFolderRecursivelyUnderItsBaseName() throws IOException {
        assertThat(client.request("/tree photos", 3)).containsExactly("ok", "ok",
                "photos\n├── 2024\n│   └── dog.jpg\n└── cat.jpg\n");
        assertThat(client.request("/tree", 3).get(2)).startsWith("root\n├── my file.txt\n");
    }

    @Test
    void downloadOfAFileSendsItsTypeThenOnYesOneFileFrame() throws IOException {
        Files.setPosixFilePermissions(root.resolve("notes.txt"), PosixFilePermissions.fromString("rw-r-----"));
        assertThat(client.request("/download notes.txt", 2)).containsExactly("ok", "file");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header).isEqualTo(new FileHeader(false, "notes.txt", 0100640, 6, false));
        assertThat(new String(client.receiveContent(header), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
    }

    @Test
    void downloadAnsweredNoSendsNothingAndTheSessionGoesOn() throws IOException {
        assertThat(client.request("/download notes.txt", 2)).containsExactly("ok", "file");
        client.send("n");
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
    }

    @Test
    void downloadOfAMissingPathSendsNotFoundAndTheMessage() throws IOException {
        assertThat(client.request("/download ghost.txt", 3))
                .containsExactly("ok", "not_found", "Error: 'ghost.txt' not found");
    }

    @Test
    void downloadOfAFolderSendsDirThenAGzipTarNamedAfterIt() throws IOException {
        assertThat(client.request("/download photos", 2)).containsExactly("ok", "dir");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header.compressed()).isTrue();
        assertThat(header.fileName()).isEqualTo("photos.tar.gz");
        assertThat(header.permissions() & 0170000).isEqualTo(FileHeader.DIRECTORY_TYPE);
        byte[] tarball = client.receiveContent(header);
        assertThat(tarball).hasSize((int) header.fileLen());
        assertThat(Tarballs.entryNames(tarball)).containsExactlyInAnyOrder(
                "photos/", "photos/2024/", "photos/2024/dog.jpg", "photos/cat.jpg");
    }

    @Test
    void deleteOfAFileAsksThenDeletesOnYes() throws IOException {
        assertThat(client.request("/delete notes.txt", 2)).containsExactly("ok", "file");
        assertThat(client.request("y", 1)).containsExactly("'notes.txt' deleted successfully.");
        assertThat(root.resolve("notes.txt")).doesNotExist();
    }

    @Test
    void deleteOfAFolderRemovesEverythingInItOnYesAndNothingOnNo() throws IOException {
        assertThat(client.request("/delete photos", 2)).containsExactly("ok", "dir");
        client.send("n");
        assertThat(client.request("/list photos", 3).get(1)).isEqualTo("ok");
        assertThat(root.resolve("photos/2024/dog.jpg")).exists();

        assertThat(client.request("/delete photos", 2)).containsExactly("ok", "dir");
        assertThat(client.request("y", 1)).containsExactly("'photos' deleted successfully.");
        assertThat(root.resolve("photos")).doesNotExist();
    }

    @Test
    void deleteOfAMissingPathSendsNotFound() throws IOException {
        assertThat(client.request("/delete ghost", 3)).containsExactly("ok", "not_found", "Error: 'ghost' not found");
    }

    @Test
    void uploadIntoTheRootStoresTheFileWithItsPermissionBits() throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(new FileHeader(false, "report.pdf", 0100600, 3, false), new byte[] {1, 2, 3});
        assertThat(client.request("/list", 3).get(2)).contains("report.pdf\n");
        assertThat(Files.readAllBytes(root.resolve("report.pdf"))).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("report.pdf"))))
                .isEqualTo("rw-------");
    }

    @Test
    void uploadIntoASubFolderStoresItThere() throws IOException {
        assertThat(client.request("/upload photos/2024", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(FileHeader.ofFile("bird.jpg", 0644, 5), "tweet".getBytes(StandardCharsets.UTF_8));
        assertThat(client.request("/list photos/2024", 3).get(2)).isEqualTo("bird.jpg\ndog.jpg\n");
        assertThat(root.resolve("photos/2024/bird.jpg")).hasContent("tweet");
    }

    @Test
    void uploadAnsweredWithErrorAndALocalPathEndsTheRequestQuietly() throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("error").send("/home/someone/missing.txt");
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
    }

    @Test
    void uploadIntoAMissingFolderSaysNotFoundAndStillKeepsTheConversationInStep() throws IOException {
        assertThat(client.request("/upload ghost", 3)).containsExactly("ok", "not_found", "Error: 'ghost' not found");
        // the v1 client sends its file anyway: it is read and dropped, nothing is stored
        client.send("y");
        client.sendFile(FileHeader.ofFile("lost.txt", 0644, 4), "lost".getBytes(StandardCharsets.UTF_8));
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
        assertThat(root.resolve("ghost")).doesNotExist();
    }

    @Test
    void exitAnsweredNoKeepsTheSessionAndYesClosesIt() throws IOException {
        assertThat(client.request("/exit", 1)).containsExactly("ok");
        client.send("n");
        assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
        assertThat(client.request("/exit", 1)).containsExactly("ok");
        client.send("y");
        assertThat(client.isClosedByServer()).isTrue();
    }

    @Test
    void missargAndUnknownCommandsGetABareOk() throws IOException {
        assertThat(client.request("missarg", 1)).containsExactly("ok");
        assertThat(client.request("/frobnicate now", 1)).containsExactly("ok");
        assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
    }

    @Test
    void everythingAfterTheFirstSpaceIsThePathSoNamesMayHoldSpaces() throws IOException {
        assertThat(client.request("/download my file.txt", 2)).containsExactly("ok", "file");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header.fileName()).isEqualTo("my file.txt");
        assertThat(new String(client.receiveContent(header), StandardCharsets.UTF_8)).isEqualTo("spaced");
    }

    @Test
    void capabilitiesAreAnnouncedOnlyWhenAskedAndAckConfirmsAStoredUpload() throws IOException {
        assertThat(client.request("/capabilities", 1).get(0).split(" ")).startsWith("capabilities", "ack");
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(FileHeader.ofFile("acked.txt", 0644, 2).withAck(), new byte[] {'h', 'i'});
        assertThat(client.receive()).isEqualTo("ok");
        assertThat(root.resolve("acked.txt")).hasContent("hi");
    }

    @Test
    void aV1UploadThatFailsWhenStoredGetsNoFrameItDidNotAskForAndStaysInStep() throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] notATarball = "not a tarball".getBytes(StandardCharsets.UTF_8);
        client.sendFile(new FileHeader(true, "album.tar.gz", 040755, notATarball.length, false), notATarball);
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
    }

    @Test
    void aListingOrTreeLongerThanTheLimitIsRefusedWithOsErrorAndTheSessionGoesOn(@TempDir Path temp)
            throws IOException {
        Path limitedRoot = plantFiles(Files.createDirectory(temp.resolve("limited")));
        try (RunningServer limited = RunningServer.start(limitedRoot, "--fileserver.max-listing-size=40B");
                V1Client limitedClient = V1Client.connectAccepted(limited.port())) {
            assertThat(limitedClient.request("/list", 3))
                    .containsExactly("ok", "ok", "my file.txt\nnotes.txt\nphotos\n");
            Files.writeString(limitedRoot.resolve("a-name-long-enough-to-pass-the-limit.txt"), "x");
            assertThat(limitedClient.request("/list", 3)).containsExactly("ok", "OSError",
                    "Error: the listing of 'limited' is longer than 40 characters; list a folder inside it");
            assertThat(limitedClient.request("/tree photos", 3).get(1)).isEqualTo("OSError");
            assertThat(limitedClient.request("/list photos", 3)).containsExactly("ok", "ok", "2024\ncat.jpg\n");
        }
    }
}
