package dev.fileserver.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** The meters move with real traffic, and show at /actuator/metrics and /actuator/prometheus. */
class MetricsTest {

    @TempDir
    Path root;

    @Test
    void connectionsCommandsBytesAndTransfersAreCounted() throws Exception {
        byte[] content = RandomBytes.array(7, 1_000_000);
        Files.write(root.resolve("existing.bin"), new byte[12_345]);
        try (RunningServer server = RunningServer.start(root, "--fileserver.max-clients=1")) {
            MeterRegistry registry = server.context().getBean(MeterRegistry.class);
            try (V1Client client = V1Client.connectAccepted(server.port())) {
                assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
                assertThat(client.request("/list ../..", 1))
                        .containsExactly("Error: You don't have permission to access that directory");
                client.request("/upload", 2);
                client.send("y");
                client.sendFile(FileHeader.ofFile("new.bin", 0644, content.length).withAck(), content);
                assertThat(client.receive()).isEqualTo("ok");
                client.request("/download existing.bin", 2);
                client.send("y");
                client.receiveContent(client.receiveFileHeader());
                // the server counts a download once its last byte is written, a moment after it arrives here
                Await.until("the download is counted", () -> registry.find("fileserver.transfers")
                        .tags("direction", "download", "outcome", "success").timer() != null);
                try (V1Client turnedAway = V1Client.connect(server.port())) {
                    assertThat(turnedAway.receive()).startsWith("Connection rejected");
                }
                assertThat(registry.get("fileserver.connections.active").gauge().value()).isEqualTo(1);
            }
            assertThat(registry.get("fileserver.connections.accepted").counter().count()).isEqualTo(1);
            assertThat(registry.get("fileserver.connections.rejected").tag("reason", "full").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("fileserver.bytes.received").counter().count()).isEqualTo(content.length);
            assertThat(registry.get("fileserver.bytes.sent").counter().count()).isEqualTo(12_345);
            assertThat(registry.get("fileserver.commands").tags("command", "list", "outcome", "ok").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get("fileserver.commands").tags("command", "list", "outcome", "refused").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("fileserver.transfers").tags("direction", "upload", "outcome", "success").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("fileserver.transfers").tags("direction", "download", "outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("fileserver.transfers.active").gauge().value()).isZero();

            assertThat(server.get("/actuator/metrics/fileserver.bytes.received").body())
                    .contains("\"measurements\":[{\"statistic\":\"COUNT\",\"value\":1000000.0}]");
            assertThat(server.get("/actuator/prometheus").body())
                    .contains("fileserver_bytes_sent_bytes_total 12345.0")
                    .contains("fileserver_connections_rejected_total{reason=\"full\"} 1.0")
                    .contains("fileserver_commands_seconds_count{command=\"list\",outcome=\"ok\"} 1");
        }
    }
}
