package dev.fileserver.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.RunningServer.HttpResult;
import dev.fileserver.server.tcp.TcpListenerLifecycle;

/** The actuator's health shows the file service's own components going UP and DOWN. */
class HealthTest {

    @TempDir
    Path temp;

    @Test
    void aServingServerIsUpWithItsListenerAndStorageDetails() {
        try (RunningServer server = RunningServer.start(temp.resolve("root"),
                "--management.endpoint.health.show-details=always")) {
            HttpResult health = server.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"tcpListener\":{\"details\":{\"address\":\"127.0.0.1\",\"port\":" + server.port()
                            + ",\"activeConnections\":0,\"maxClients\":5},\"status\":\"UP\"}")
                    .contains("\"storageRoot\":{\"details\":{\"root\":\"" + realRoot(server))
                    .contains("\"freeBytes\":");
            assertThat(server.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(server.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    private static String realRoot(RunningServer server) {
        try {
            return server.root().toRealPath().toString();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void removingTheRootTakesStorageDown() throws IOException {
        Path root = temp.resolve("root");
        try (RunningServer server = RunningServer.start(root, "--management.endpoint.health.show-details=always")) {
            Files.delete(root);
            HttpResult health = server.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"storageRoot\":{\"details\":{\"root\":")
                    .contains("\"problem\":\"not a readable and writable folder\"},\"status\":\"DOWN\"}");
        }
    }

    @Test
    void aReserveLargerThanTheFreeSpaceTakesStorageOutOfService() {
        try (RunningServer server = RunningServer.start(temp.resolve("root"),
                "--management.endpoint.health.show-details=always", "--fileserver.free-space-reserve=1000000TB")) {
            HttpResult health = server.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"problem\":\"free space is below the reserve\"},\"status\":\"OUT_OF_SERVICE\"");
        }
    }

    @Test
    void aStoppedListenerIsDownAndTheServerNoLongerReady() {
        try (RunningServer server = RunningServer.start(temp.resolve("root"),
                "--management.endpoint.health.show-details=always")) {
            server.context().getBean(TcpListenerLifecycle.class).stop();
            HttpResult health = server.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"tcpListener\":{\"details\"").contains("\"status\":\"DOWN\"");
            assertThat(server.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(server.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }
}
