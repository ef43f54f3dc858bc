package dev.fileserver.server.robustness;

import static dev.fileserver.server.robustness.Fixtures.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Sha256Sink;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Clients that stall, vanish mid-transfer or race each other: every connection is served on its
 * own, a silent one is dropped after the idle timeout, and what a broken transfer leaves behind
 * is the previous state of the root, never a part of a file. (A client that stops reading a
 * download: {@code StalledReaderTest}.)
 */
class SlowAndBrokenClientsTest {

    private static final String BIG = "big.bin";

    private static final String DOC = "doc.bin";

    @TempDir
    static Path root;

    static RunningServer server;

    static String bigSha;

    static String docSha;

    List<String> namesBefore;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream content = RandomBytes.stream(64, 64L * MiB)) {
            Files.copy(content, root.resolve(BIG));
        }
        Files.write(root.resolve(DOC), RandomBytes.array(1, MiB));
        bigSha = Sha256.of(root.resolve(BIG));
        docSha = Sha256.of(root.resolve(DOC));
        // long enough that a busy machine never makes a well-behaved client look idle
        server = RunningServer.start(root, "--fileserver.idle-timeout=5s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void rememberTheRoot() throws IOException {
        namesBefore = Trees.descendants(root);
    }

    @Test
    void aClientStalledInsideALengthHeaderBlocksNoOneAndIsDroppedAfterTheIdleTimeout() throws Exception {
        try (V1Client stalled = V1Client.connectAccepted(server.port())) {
            stalled.sendRaw(new byte[] {0});
            try (V1Client other = V1Client.connectAccepted(server.port());
                    V1Client another = V1Client.connectAccepted(server.port())) {
                Fixtures.assertServes(other, DOC, docSha);
                Fixtures.assertServes(another, DOC, docSha);
            }
            assertThat(isServing(stalled)).as("the stalled client is still connected while the others were served")
                    .isTrue();
            Fixtures.assertClosedByServer(stalled);
            Await.until("the server lets the stalled client go", () -> !isServing(stalled));
        }
    }

    @Test
    void aClientDisconnectingMidDownloadLeavesTheServerHealthy() throws Exception {
        try (V1Client leaving = V1Client.connectAccepted(server.port())) {
            assertThat(leaving.request("/download " + BIG, 2)).containsExactly("ok", "file");
            leaving.send("y");
            FileHeader header = leaving.receiveFileHeader();
            assertThat(header.fileLen()).isEqualTo(64L * MiB);
            leaving.receiveContent(new FileHeader(false, BIG, header.permissions(), MiB, false), new Sha256Sink());
            leaving.close();
            Await.until("the server lets go of the client that left", () -> !isServing(leaving));
        }
        try (V1Client next = V1Client.connectAccepted(server.port())) {
            Fixtures.assertServes(next, BIG, bigSha);
        }
    }

    @ParameterizedTest(name = "a client disconnecting mid-upload of {0} leaves the root as it was and no temporary")
    @ValueSource(strings = {DOC, "fresh.bin"})
    void aClientDisconnectingMidUploadLeavesTheRootAsItWasAndNoTemporary(String name) throws Exception {
        try (V1Client leaving = V1Client.connectAccepted(server.port());
                V1Client watching = V1Client.connectAccepted(server.port())) {
            leaving.beginUpload("", FileHeader.ofFile(name, 0644, 8L * MiB));
            leaving.sendPart(RandomBytes.stream(2, 8L * MiB), 4L * MiB);
            Await.until("the upload is being received", () -> !Fixtures.temporaries(root).isEmpty());
            // while it is, its temporary file shows nowhere
            Fixtures.assertLists(watching, BIG, DOC);
            assertThat(watching.request("/tree", 3).get(2)).doesNotContain(StorageRoot.TEMPORARY_PREFIX);

            leaving.close();
            Await.until("the temporary file is removed", () -> Fixtures.temporaries(root).isEmpty());
            assertThat(Trees.descendants(root)).containsExactlyInAnyOrderElementsOf(namesBefore);
            assertThat(Sha256.of(root.resolve(DOC))).isEqualTo(docSha);
            Fixtures.assertLists(watching, BIG, DOC);
        }
    }

    @Test
    void twoConcurrentUploadsOfTheSameNameEndWithOneCompleteFileNeverAMix() throws Exception {
        long length = 8L * MiB;
        String shaA = Sha256.of(RandomBytes.stream(11, length));
        String shaB = Sha256.of(RandomBytes.stream(12, length));
        FileHeader header = FileHeader.ofFile("same.bin", 0644, length).withAck();
        try (V1Client a = V1Client.connectAccepted(server.port());
                V1Client b = V1Client.connectAccepted(server.port());
                InputStream contentA = RandomBytes.stream(11, length);
                InputStream contentB = RandomBytes.stream(12, length)) {
            a.beginUpload("", header);
            b.beginUpload("", header);
            int piece = 256 * 1024;
            for (long sent = 0; sent < length; sent += piece) {
                a.sendPart(contentA, piece);
                b.sendPart(contentB, piece);
            }
            assertThat(a.receive()).isEqualTo("ok");
            assertThat(b.receive()).isEqualTo("ok");
        }
        Path same = root.resolve("same.bin");
        assertThat(Files.size(same)).isEqualTo(length);
        assertThat(Sha256.of(same)).isIn(shaA, shaB);
        assertThat(Fixtures.temporaries(root)).isEmpty();
        Files.delete(same);
    }

    /** Whether the server still holds this client's connection open (in its registry of live ones). */
    private static boolean isServing(V1Client client) {
        String suffix = ":" + client.socket().getLocalPort();
        return server.context().getBean(SessionRegistry.class).all().stream()
                .anyMatch(live -> live.remoteAddress().endsWith(suffix));
    }
}
