package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256Sink;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.wire.FileHeader;

/**
 * A connection's file content moves no faster than {@code max-upload-rate} and
 * {@code max-download-rate}, and arrives whole. Only a lower bound on the time is asserted, with a
 * wide margin: 1 MiB at 512 KiB/s takes 2 s, less the one slice a connection may run ahead; how
 * close to its limit a transfer runs is measured in {@code bench/run}.
 */
class RateLimitTest {

    private static final int SIZE = Fixtures.MiB;

    private static final Duration AT_LEAST = Duration.ofMillis(1500);

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        // channels on: a rate must still send every byte through the throttle's stream
        server = RunningServer.start(root, "--fileserver.plain-transfers=sendfile", "--fileserver.max-upload-rate=512KB",
                "--fileserver.max-download-rate=512KB");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLimitedDownloadIsNoFasterThanItsLimitAndArrivesWhole() throws Exception {
        byte[] content = RandomBytes.array(1, SIZE);
        Files.write(root.resolve("limited-down.bin"), content);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            Sha256Sink received = new Sha256Sink();
            long started = System.nanoTime();
            client.download("limited-down.bin", "file", received);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(received.hex()).isEqualTo(Sha256.of(content));
            assertThat(elapsed).isGreaterThanOrEqualTo(AT_LEAST);
            assertThat(server.bytesByChannel("download")).as("bytes sent by channel, past the throttle").isZero();
        }
    }

    @Test
    void aLimitedUploadIsNoFasterThanItsLimitAndIsStoredWhole() throws Exception {
        byte[] content = RandomBytes.array(2, SIZE);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            long started = System.nanoTime();
            String status = client.uploadAcked(FileHeader.ofFile("limited-up.bin", 0644, SIZE), content);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(status).isEqualTo("ok");
            assertThat(Sha256.of(root.resolve("limited-up.bin"))).isEqualTo(Sha256.of(content));
            assertThat(elapsed).isGreaterThanOrEqualTo(AT_LEAST);
            assertThat(server.bytesByChannel("upload")).as("bytes received by channel, past the throttle").isZero();
        }
    }
}
