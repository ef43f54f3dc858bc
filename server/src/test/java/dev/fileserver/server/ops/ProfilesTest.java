package dev.fileserver.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** The profiles in the repository's config/ folder change what an operator sees and what clients may do. */
class ProfilesTest {

    /** Tests run in the server module; the repository root's config/ is one level up. */
    static final String REPOSITORY_CONFIG = "--spring.config.additional-location=optional:file:"
            + Path.of("../config").toAbsolutePath().normalize() + "/";

    @TempDir
    Path root;

    @Test
    void devShowsEveryHealthDetailAndUsesSmallLimits() {
        try (RunningServer server = RunningServer.start(root, REPOSITORY_CONFIG, "--spring.profiles.active=dev")) {
            FileServerProperties properties = server.context().getBean(FileServerProperties.class);
            assertThat(properties.maxUploadSize().toGigabytes()).isEqualTo(1);
            assertThat(server.get("/actuator/health").body())
                    .contains("\"tcpListener\":{\"details\":")
                    .contains("\"storageRoot\":{\"details\":");
        }
    }

    @Test
    void prodHidesHealthDetailsFromAnonymousCallersRaisesLimitsAndSyncsUploads() throws java.io.IOException {
        try (RunningServer server = RunningServer.start(root, REPOSITORY_CONFIG, "--spring.profiles.active=prod")) {
            FileServerProperties properties = server.context().getBean(FileServerProperties.class);
            assertThat(properties.maxClients()).isEqualTo(64);
            assertThat(properties.bindAddress()).isEqualTo("127.0.0.1");
            assertThat(properties.syncUploads()).isTrue();
            try (V1Client client = V1Client.connectAccepted(server.port())) {
                assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
                client.send("y");
                client.sendFile(FileHeader.ofFile("synced.txt", 0644, 6).withAck(), "synced".getBytes());
                assertThat(client.receive()).isEqualTo("ok");
            }
            assertThat(root.resolve("synced.txt")).hasContent("synced");
            assertThat(server.get("/actuator/health").body())
                    .isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        }
    }

    @Test
    void prodWritesStructuredLogs() throws Exception {
        try (ServerProcess server = ForkedServer.start(root, List.of(), REPOSITORY_CONFIG,
                "--spring.profiles.active=prod"); V1Client client = V1Client.connectAccepted(server.tcpPort())) {
            assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
            assertThat(server.output()).filteredOn(line -> line.contains("File service listening"))
                    .singleElement().asString().startsWith("{").contains("\"log\":{\"level\":\"INFO\"");
        }
    }

    @Test
    void aSizeWithAnUnknownUnitStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> RunningServer.start(root, "--fileserver.max-upload-size=12parsecs"))
                .hasStackTraceContaining("fileserver.max-upload-size");
    }
}
