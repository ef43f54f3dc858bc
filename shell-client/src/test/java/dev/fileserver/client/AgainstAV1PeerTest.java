package dev.fileserver.client;

import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.testsupport.TarEntry.folder;
import static dev.fileserver.testsupport.TarEntry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ConnectionFailedException;
import dev.fileserver.client.connection.ConnectionSettings;
import dev.fileserver.client.connection.ServerAddress;
import dev.fileserver.client.download.DownloadTransfer;
import dev.fileserver.client.listing.Listing;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.support.ClientRun;
import dev.fileserver.client.support.FakeV1Server;
import dev.fileserver.client.support.FakeV1Server.Peer;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * The client against a scripted v1 peer: one that offers no extensions, and one that misbehaves
 * as the real server never does.
 */
class AgainstAV1PeerTest {

    @TempDir
    Path temp;

    final DownloadTransfer download = new DownloadTransfer(new TarballLimits(1 << 20, 100));

    ClientSession session(FakeV1Server server) {
        return new ClientSession(new ServerAddress("127.0.0.1", server.port()), ConnectionSettings.DEFAULT);
    }

    @Test
    void aV1PeerGetsAnUploadWithoutTheAckKeyAndNoReplyIsAwaited() throws Exception {
        Path file = Files.writeString(temp.resolve("a.txt"), "hello v1");
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/upload docs");
            peer.send("ok", "dir");
            peer.expect("y");
            FileHeader header = peer.receiveFileHeader();
            assertThat(header).isEqualTo(FileHeader.ofFile("a.txt", 0644, 8));
            assertThat(new String(peer.receiveContent(header), StandardCharsets.UTF_8)).isEqualTo("hello v1");
        })) {
            PosixModes.apply(file, 0644);

            ClientRun run = ClientRun.of(server.port(), "upload", file.toString(), "docs");

            server.verify();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Sent 'a.txt' to 'docs': 8 B in ");
        }
    }

    @Test
    void aTarballWithAnEntryLeavingTheFolderIsRefusedAndTheConnectionStaysUsable() throws Exception {
        byte[] evil = Tarballs.of(folder("photos"), file("photos/ok.txt", "fine"),
                file("../escaped.txt", "gotcha"));
        Path into = Files.createDirectories(temp.resolve("into/downloads"));
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            sendDirectory(peer, "photos", evil);
            peer.expect("/list");
            peer.send("ok", "ok", "photos\n");
        }); ClientSession session = session(server)) {

            assertThatThrownBy(() -> session.converse(connection -> download.run(connection, "photos", into,
                    Confirmation.YES, TransferProgress.NONE, false)))
                    .isInstanceOf(LocalFileException.class)
                    .hasMessageContaining("'../escaped.txt' points outside the target folder");

            assertThat(listRoot(session)).isEqualTo("photos\n");
            session.close();
            server.verify();
        }
        assertThat(Trees.children(into)).isEmpty();
        assertThat(Trees.children(temp.resolve("into"))).containsExactly("downloads");
    }

    @Test
    void aTarballWithALinkPointingOutIsRefusedAndNothingIsLeft() throws Exception {
        byte[] evil = Tarballs.of(folder("photos"), symlink("photos/passwd", "../../../etc/passwd"));
        Path into = Files.createDirectories(temp.resolve("downloads"));
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            sendDirectory(peer, "photos", evil);
        })) {

            ClientRun run = ClientRun.of(server.port(), "download", "photos", into.toString());

            server.verify();
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("symbolic link 'photos/passwd' points outside the target folder");
        }
        assertThat(Trees.children(into)).isEmpty();
    }

    @Test
    void aDownloadCutShortLeavesNothingUnderItsNameAndNoTemporaryFile() throws Exception {
        Path into = Files.createDirectories(temp.resolve("downloads"));
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/download big.bin");
            peer.send("ok", "file");
            peer.expect("y");
            peer.sendTruncatedFileAndHangUp(FileHeader.ofFile("big.bin", 0644, 1000), new byte[1000], 10);
        })) {

            ClientRun run = ClientRun.of(server.port(), "download", "big.bin", into.toString());

            server.verify();
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).startsWith("Error: lost the connection to 127.0.0.1:" + server.port());
        }
        assertThat(Trees.children(into)).isEmpty();
    }

    @Test
    void afterALostConnectionTheNextCommandConnectsAgain() throws Exception {
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/list");
            peer.hangUp();
        }, peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/list");
            peer.send("ok", "ok", "back\n");
        }); ClientSession session = session(server)) {

            assertThatThrownBy(() -> session.converse(connection -> Listing.list(connection, "")))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("connection closed by the server");
            assertThat(listRoot(session)).isEqualTo("back\n");
            session.close();
            server.verify();
        }
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedBeforeTheNextRequest() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            peer.hangUp();
            hungUp.countDown();
        }, peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/list");
            peer.send("ok", "ok", "fresh\n");
        }); ClientSession session = session(server)) {
            session.connection();
            assertThat(hungUp.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(listRoot(session)).isEqualTo("fresh\n");
            session.close();
            server.verify();
        }
    }

    @Test
    void theRejectionGreetingOfAFullServerIsOneLineAndExitCodeThree() throws Exception {
        try (FakeV1Server server = FakeV1Server.rejecting("Connection rejected: Server is at full capacity.")) {

            ClientRun run = ClientRun.of(server.port(), "ls");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("Error: 127.0.0.1:" + server.port()
                    + " rejected the connection: Server is at full capacity.\n");
        }
    }

    private static String listRoot(ClientSession session) throws ClientException {
        return session.converse(connection -> Listing.list(connection, ""));
    }

    private static void sendDirectory(Peer peer, String name, byte[] tarball) throws Exception {
        peer.expect("/download " + name);
        peer.send("ok", "dir");
        peer.expect("y");
        peer.sendFile(FileHeader.ofDirectory(name, 0755, tarball.length), tarball);
    }
}
