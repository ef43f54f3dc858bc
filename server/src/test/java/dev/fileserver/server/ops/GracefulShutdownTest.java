package dev.fileserver.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** SIGTERM: new clients are refused, transfers in progress get the grace period, the rest is cut cleanly. */
class GracefulShutdownTest {

    static final int SIZE = 16 * 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void anUploadInFlightFinishesWithinTheGracePeriodWhileNewClientsAreRefused() throws Exception {
        byte[] content = RandomBytes.array(3, SIZE);
        try (ServerProcess server = ForkedServer.start(root, List.of(), "--fileserver.shutdown-grace-period=30s");
                V1Client client = V1Client.connectAccepted(server.tcpPort())) {
            startUpload(client, content, SIZE / 4);
            awaitUploadArriving();
            server.terminate();
            awaitRefused(server.tcpPort());
            client.sendRaw(Arrays.copyOfRange(content, SIZE / 4, SIZE));
            assertThat(client.receive()).isEqualTo("ok");
            // 143: the JVM reports the signal even after an orderly shutdown
            assertThat(server.awaitExit()).isIn(0, 143);
        }
        assertThat(Files.readAllBytes(root.resolve("big.bin"))).isEqualTo(content);
        assertThat(Trees.descendants(root)).containsExactly("big.bin");
    }

    @Test
    void anUploadStillRunningAfterTheGracePeriodIsCutAndLeavesNothing() throws Exception {
        Files.writeString(root.resolve("big.bin"), "previous version");
        byte[] content = RandomBytes.array(3, SIZE);
        try (ServerProcess server = ForkedServer.start(root, List.of(), "--fileserver.shutdown-grace-period=200ms");
                V1Client client = V1Client.connectAccepted(server.tcpPort())) {
            startUpload(client, content, SIZE / 4);
            server.terminate();
            // 143: the JVM reports the signal even after an orderly shutdown
            assertThat(server.awaitExit()).isIn(0, 143);
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(root.resolve("big.bin")).hasContent("previous version");
        assertThat(Trees.descendants(root)).containsExactly("big.bin");
    }

    private static void startUpload(V1Client client, byte[] content, int firstPart) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] header = V1Client.headerFrame(FileHeader.ofFile("big.bin", 0644, content.length).withAck());
        client.sendRaw(header);
        client.sendRaw(Arrays.copyOf(content, firstPart));
    }

    /** The server has begun to write the upload's temporary file: the transfer is in progress there. */
    private void awaitUploadArriving() throws Exception {
        Await.until("the upload reaches the server",
                () -> Trees.children(root).stream().anyMatch(name -> name.startsWith(StorageRoot.TEMPORARY_PREFIX)));
    }

    private static void awaitRefused(int port) throws Exception {
        Await.until("the listener refuses connections", () -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return false;
            }
            catch (ConnectException refused) {
                return true;
            }
            catch (IOException other) {
                return false;
            }
        });
    }

}
