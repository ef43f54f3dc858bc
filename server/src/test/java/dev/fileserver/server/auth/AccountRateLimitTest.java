package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Sha256Sink;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * An account's rate holds across its connections: two connections of one account share
 * {@code max-download-rate-per-account} and {@code max-upload-rate-per-account}, while each
 * connection alone has no limit. Only a lower bound on the time is asserted, with a wide margin:
 * 2 × 512 KiB at 512 KiB/s take 2 s together, less what a bucket may run ahead; two connections
 * of their own would take a fraction of that.
 */
class AccountRateLimitTest {

    private static final int SIZE = 512 * 1024;

    private static final Duration AT_LEAST = Duration.ofMillis(1500);

    static final Path USERS = UsersFileFolder.create("account-rates");

    /** Two threads of their own: the common pool may have one on a 2-core machine. */
    static final Executor BOTH_AT_ONCE = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "account-rate-client");
        thread.setDaemon(true);
        return thread;
    });

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass(
            "--fileserver.auth.users-file=" + USERS.resolve("users.yml"), "--fileserver.max-clients=10",
            "--fileserver.max-download-rate-per-account=512KB", "--fileserver.max-upload-rate-per-account=512KB");

    @BeforeAll
    static void addAccount() {
        new UsersFixture(USERS.resolve("users.yml")).add("alice", "alice's secret", null, false);
    }

    @Test
    void twoConnectionsOfOneAccountShareItsDownloadRateAndEachGetsItsFileWhole() throws Exception {
        byte[] content = RandomBytes.array(3, SIZE);
        Path home = Files.createDirectories(server.root().resolve("alice"));
        Files.write(home.resolve("shared.bin"), content);
        try (V1Client first = loggedIn(); V1Client second = loggedIn()) {
            long started = System.nanoTime();
            List<CompletableFuture<String>> downloads = List.of(download(first), download(second));
            for (CompletableFuture<String> download : downloads) {
                assertThat(download.get()).isEqualTo(Sha256.of(content));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(AT_LEAST);
        }
    }

    @Test
    void twoConnectionsOfOneAccountShareItsUploadRateAndBothFilesAreStoredWhole() throws Exception {
        byte[] content = RandomBytes.array(4, SIZE);
        try (V1Client first = loggedIn(); V1Client second = loggedIn()) {
            long started = System.nanoTime();
            List<CompletableFuture<String>> uploads = List.of(upload(first, "one.bin", content),
                    upload(second, "two.bin", content));
            for (CompletableFuture<String> upload : uploads) {
                assertThat(upload.get()).isEqualTo("ok");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(AT_LEAST);
            Path home = server.root().resolve("alice");
            assertThat(Sha256.of(home.resolve("one.bin"))).isEqualTo(Sha256.of(content));
            assertThat(Sha256.of(home.resolve("two.bin"))).isEqualTo(Sha256.of(content));
        }
    }

    private static V1Client loggedIn() throws Exception {
        V1Client client = V1Client.connectAccepted(server.port());
        assertThat(logIn(client, "alice", "alice's secret")).isEqualTo("welcome alice read-write");
        return client;
    }

    private static CompletableFuture<String> download(V1Client client) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Sha256Sink received = new Sha256Sink();
                client.download("shared.bin", "file", received);
                return received.hex();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, BOTH_AT_ONCE);
    }

    private static CompletableFuture<String> upload(V1Client client, String name, byte[] content) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.uploadAcked(FileHeader.ofFile(name, 0644, content.length), content);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, BOTH_AT_ONCE);
    }
}
