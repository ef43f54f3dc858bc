package dev.fileserver.server.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.RunningServer.HttpResult;
import dev.fileserver.testsupport.V1Client;

/** With the S3 backend, start-up checks the bucket and stops with one line when it cannot be used; health shows it. */
class S3StartupTest {

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static String bucket;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void aBucketThatDoesNotExistStopsStartUpNamingIt() {
        assertThat(startupFailure(arguments("no-such-bucket")))
                .hasMessage("fileserver.storage.s3.bucket: bucket 'no-such-bucket' does not exist at " + s3.endpoint());
    }

    @Test
    void refusedCredentialsStopStartUpSayingSo() {
        assertThat(startupFailure(arguments(bucket, "--fileserver.storage.s3.secret-key=wrong")))
                .hasMessage("fileserver.storage.s3: " + s3.endpoint() + " refused the credentials for bucket '"
                        + bucket + "' (403)");
    }

    @Test
    void anUnreachableStoreStopsStartUpNamingTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        assertThat(startupFailure(arguments(bucket, "--fileserver.storage.s3.endpoint=" + endpoint)))
                .hasMessageStartingWith("fileserver.storage.s3.endpoint: " + endpoint + " is unreachable (");
    }

    @Test
    void healthShowsTheBucketReachableAndWritableAndNoLocalRoot() throws Exception {
        try (RunningServer server = RunningServer.start(temp.resolve("unused"), arguments(bucket,
                "--management.endpoint.health.show-details=always"))) {
            HttpResult health = server.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"bucket\":{\"details\":{\"bucket\":\"" + bucket + "\",\"prefix\":\"files/\","
                            + "\"reachable\":true,\"writable\":true},\"status\":\"UP\"}")
                    .doesNotContain("storageRoot");
            assertThat(temp.resolve("unused")).doesNotExist();

            s3.stop();
            try {
                HttpResult down = server.get("/actuator/health");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.body()).contains("\"problem\":\"the object store is unreachable\"},\"status\":\"DOWN\"");
            }
            finally {
                s3.restart();
            }
            assertThat(server.get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void theS3ProfileInTheRepositorysConfigNeedsOnlyTheStoresAddressAndCredentials() throws IOException {
        try (RunningServer server = RunningServer.start(temp.resolve("unused"),
                "--spring.config.additional-location=optional:file:../config/", "--spring.profiles.active=s3",
                "--fileserver.storage.s3.endpoint=" + s3.endpoint(), "--fileserver.storage.s3.bucket=" + bucket,
                "--fileserver.storage.s3.access-key=" + EmbeddedS3.ACCESS_KEY,
                "--fileserver.storage.s3.secret-key=" + EmbeddedS3.SECRET_KEY);
                V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(server.context().getBean(FileServerProperties.class).storage().type())
                    .isEqualTo(FileServerProperties.Storage.Type.S3);
            assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
        }
    }

    /** The server's arguments for {@code bucketName} below {@code files/}, the later ones overriding. */
    private static String[] arguments(String bucketName, String... more) {
        return s3.serverArguments(bucketName, "files/", more);
    }

    /** The {@link StartupException} somewhere in what start-up threw. */
    private static Throwable startupFailure(String... arguments) {
        Throwable thrown = catchThrowable(() -> RunningServer.start(temp.resolve("unused"), arguments).close());
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupException) {
                return cause;
            }
        }
        throw new AssertionError("start-up did not fail with a StartupException", thrown);
    }
}
