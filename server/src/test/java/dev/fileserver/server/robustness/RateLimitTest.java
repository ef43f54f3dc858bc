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
import dev.fileserver.server.support.Trees;
import dev.fileserver.server.support.V1Client;
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
        server = RunningServer.start(root, "--fileserver.max-upload-rate=512KB",
                "--fileserver.max-download-rate=512KB");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLimitedDownloadIsNoFasterThanItsLimitAndArrivesWhole() throws Exception {
        byte[] content = Fixtures.randomArray(1, SIZE);
        Files.write(root.resolve("limited-down.bin"), content);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            Fixtures.Sha256Sink received = new Fixtures.Sha256Sink();
            long started = System.nanoTime();
            Fixtures.download(client, "limited-down.bin", "file", received);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(received.hex()).isEqualTo(Fixtures.sha256(content));
            assertThat(elapsed).isGreaterThanOrEqualTo(AT_LEAST);
        }
    }

    @Test
    void aLimitedUploadIsNoFasterThanItsLimitAndIsStoredWhole() throws Exception {
        byte[] content = Fixtures.randomArray(2, SIZE);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            long started = System.nanoTime();
            String status = Fixtures.uploadAcked(client, FileHeader.ofFile("limited-up.bin", 0644, SIZE), content);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(status).isEqualTo("ok");
            assertThat(Trees.sha256(root.resolve("limited-up.bin"))).isEqualTo(Fixtures.sha256(content));
            assertThat(elapsed).isGreaterThanOrEqualTo(AT_LEAST);
        }
    }
}
