package dev.fileserver.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/** A client that asks for a download and stops reading does not keep its slot forever. */
class StalledReaderTest {

    @TempDir
    Path root;

    @Test
    void aClientThatStopsReadingItsDownloadIsClosedAfterTheIdleTimeoutAndItsSlotFreed() throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(256L * 1024 * 1024);
        }
        try (RunningServer server = RunningServer.start(root, "--fileserver.max-clients=1",
                "--fileserver.idle-timeout=500ms"); V1Client stalled = V1Client.connectAccepted(server.port())) {
            stalled.socket().setReceiveBufferSize(64 * 1024);
            assertThat(stalled.request("/download big.bin", 2)).containsExactly("ok", "file");
            stalled.send("y");
            // never reads: the server's write blocks once the socket buffers are full
            assertThat(acceptedWithin(server, 30_000)).isTrue();
        }
    }

    private static boolean acceptedWithin(RunningServer server, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try (V1Client next = V1Client.connect(server.port())) {
                if (next.receive().equals("Connection accepted")) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
