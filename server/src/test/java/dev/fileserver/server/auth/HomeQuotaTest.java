package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Each account's home has the per-home quota of its own, counted apart from the other homes and
 * from what lies elsewhere under the root, and reported to the account by {@code /quota}.
 */
class HomeQuotaTest {

    static final Path USERS = UsersFileFolder.create("home-quota");

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass("--fileserver.auth.users-file=" + USERS.resolve("users.yml"),
            "--fileserver.max-clients=10", "--fileserver.quota.per-home.files=2",
            "--fileserver.quota.per-home.bytes=64KB");

    /** Each test's accounts are new, with homes the server has not counted yet: the root is emptied behind its back. */
    static int round;

    String aliceName;

    String bobName;

    @BeforeEach
    void twoAccounts() throws IOException {
        round++;
        aliceName = "alice" + round;
        bobName = "bob" + round;
        new UsersFixture(USERS.resolve("users.yml")).add(aliceName, "alice's secret", null, false)
                .add(bobName, "bob's secret", null, false);
        // what lies outside the homes is no account's
        Files.write(server.root().resolve("shared-1.bin"), new byte[1000]);
        Files.write(server.root().resolve("shared-2.bin"), new byte[1000]);
    }

    @Test
    void aHomeTakesAsManyFilesAsItsQuotaAndRefusesTheNextWithNothingStored() throws Exception {
        try (V1Client alice = loggedIn(aliceName, "alice's secret")) {
            assertThat(upload(alice, "a.bin", 100)).isEqualTo("ok");
            assertThat(upload(alice, "b.bin", 100)).isEqualTo("ok");
            assertThat(upload(alice, "c.bin", 100))
                    .isEqualTo("Error: quota exceeded: no room for 'c.bin' within the quota of '" + aliceName + "' of 2 files (2 used)");
        }
        assertThat(Trees.children(server.root().resolve(aliceName))).containsExactlyInAnyOrder("a.bin", "b.bin");
    }

    @Test
    void anotherAccountsHomeIsCountedApart() throws Exception {
        try (V1Client alice = loggedIn(aliceName, "alice's secret")) {
            assertThat(upload(alice, "a.bin", 100)).isEqualTo("ok");
            assertThat(upload(alice, "b.bin", 100)).isEqualTo("ok");
        }
        try (V1Client bob = loggedIn(bobName, "bob's secret")) {
            assertThat(upload(bob, "a.bin", 100)).isEqualTo("ok");
            assertThat(upload(bob, "b.bin", 100)).isEqualTo("ok");
        }
    }

    @Test
    void theBytesQuotaRefusesAFileThatWouldPassItFromItsHeader() throws Exception {
        try (V1Client alice = loggedIn(aliceName, "alice's secret")) {
            assertThat(upload(alice, "big.bin", 70 * 1024)).startsWith(
                    "Error: quota exceeded: no room for 'big.bin' within the quota of '" + aliceName + "' of 65536 bytes");
        }
        assertThat(server.root().resolve(aliceName).resolve("big.bin")).doesNotExist();
    }

    @Test
    void quotaTellsAnAccountWhatItsHomeHoldsAndADeleteGivesItBack() throws Exception {
        try (V1Client alice = loggedIn(aliceName, "alice's secret")) {
            assertThat(upload(alice, "a.bin", 100)).isEqualTo("ok");
            assertThat(upload(alice, "b.bin", 200)).isEqualTo("ok");
            assertThat(quota(alice)).contains("bytes-used 300\n", "bytes-limit 65536\n", "files-used 2\n",
                    "files-limit 2\n", "scope " + aliceName + "\n");

            alice.send("/delete a.bin");
            alice.expect("ok", "file");
            alice.send("y");
            alice.expect("'a.bin' deleted successfully.");

            assertThat(quota(alice)).contains("bytes-used 200\n", "files-used 1\n");
            assertThat(upload(alice, "c.bin", 100)).isEqualTo("ok");
        }
    }

    private static V1Client loggedIn(String name, String secret) throws IOException {
        V1Client client = V1Client.connectAccepted(server.port());
        assertThat(logIn(client, name, secret)).isEqualTo("welcome " + name + " read-write");
        return client;
    }

    /** One file into the home's root: the server's answer once it is stored, or its refusal. */
    private static String upload(V1Client client, String name, int size) throws IOException {
        return client.uploadAcked(FileHeader.ofFile(name, 0644, size), new byte[size]);
    }

    private static String quota(V1Client client) throws IOException {
        List<String> reply = client.request("/quota", 2);
        assertThat(reply.get(0)).isEqualTo("ok");
        return reply.get(1);
    }
}
