package dev.fileserver.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.V1Client;

/**
 * A client that asks for a download and stops reading is closed after the idle timeout, and its slot
 * freed: whether the download is copied or sent by sendfile, whose thread a socket's close does not
 * wake (the server shuts the output down first).
 */
class StalledReaderTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    /**
     * The stalled write is noticed within a quarter of the idle timeout after it lasted that long;
     * the rest is room for a busy machine, not for a server that takes several timeouts.
     */
    private static final Duration CLOSED_WITHIN = IDLE_TIMEOUT.multipliedBy(4);

    @TempDir
    Path root;

    @ParameterizedTest(name = "plain-transfers {0}")
    @ValueSource(strings = {"streams", "channel", "sendfile"})
    void aClientThatStopsReadingItsDownloadIsClosedWithinAFewIdleTimeoutsAndItsSlotFreed(String transfers)
            throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(256L * 1024 * 1024);
        }
        try (RunningServer server = RunningServer.start(root, "--fileserver.max-clients=1",
                "--fileserver.idle-timeout=" + IDLE_TIMEOUT.toMillis() + "ms",
                "--fileserver.plain-transfers=" + transfers);
                V1Client stalled = V1Client.connectAccepted(server.port())) {
            stalled.socket().setReceiveBufferSize(64 * 1024);
            assertThat(stalled.request("/download big.bin", 2)).containsExactly("ok", "file");
            stalled.send("y");
            long stalledAt = System.nanoTime();
            // it never reads: the server's write blocks once the socket buffers are full
            try (V1Client next = V1Client.awaitAccepted(server.port())) {
                Duration freedAfter = Duration.ofNanos(System.nanoTime() - stalledAt);
                assertThat(freedAfter).as("time until the stalled client's slot is free").isLessThan(CLOSED_WITHIN);
                assertThat(next.list("")).isEqualTo("big.bin\n");
            }
            assertThat(stalled.drainsToEndOfStream()).as("the stalled connection ends once read").isTrue();
            if (transfers.equals("sendfile")) {
                // counted once the stalled transfer has ended, a moment after the slot was freed
                Await.until("the bytes sent by channel before the stall are counted",
                        () -> server.bytesByChannel("download") > 0);
            }
            else {
                assertThat(server.bytesByChannel("download")).isZero();
            }
        }
    }
}
