package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.digest.Sha256;

/**
 * The part kept of an interrupted resumable upload is bound to the account that sent it: another
 * account sharing the same home, uploading the same name of the same size, does not find it.
 */
class KeptPartOwnerTest {

    static final byte[] CONTENT = "the first half|and the second".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path temp;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "alice's", "shared", false)
                .add("bob", "bob's", "shared", false);
        server = RunningServer.start(Files.createDirectory(temp.resolve("root")),
                "--fileserver.auth.users-file=" + users.file());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyTheAccountThatSentAPartFindsItAgain() throws Exception {
        FileHeader header = FileHeader.ofFile("big.bin", 0644, CONTENT.length).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        try (V1Client alice = loggedIn("alice", "alice's")) {
            assertThat(alice.request("/upload", 2)).containsExactly("ok", "dir");
            alice.send("y");
            alice.sendRaw(V1Client.headerFrame(header));
            alice.sendRaw(Arrays.copyOf(CONTENT, 15));
        }
        String kept = "resume 15 " + Sha256.of(Arrays.copyOf(CONTENT, 15));
        Await.until("alice's part is kept", () -> {
            try (V1Client alice = loggedIn("alice", "alice's")) {
                return askKept(alice).equals(kept);
            }
        });
        try (V1Client bob = loggedIn("bob", "bob's")) {
            assertThat(askKept(bob)).isEqualTo("resume 0 " + Sha256.of(new byte[0]));
        }
        try (V1Client alice = loggedIn("alice", "alice's")) {
            assertThat(askKept(alice)).isEqualTo(kept);
            alice.sendFile(header.from(15), Arrays.copyOfRange(CONTENT, 15, CONTENT.length));
            alice.send("sha256 " + Sha256.of(CONTENT));
            assertThat(alice.receive()).isEqualTo("ok");
        }
        assertThat(server.root().resolve("shared/big.bin")).hasBinaryContent(CONTENT);
    }

    private static V1Client loggedIn(String name, String password) throws IOException {
        V1Client client = V1Client.connectAccepted(server.port());
        assertThat(logIn(client, name, password)).startsWith("welcome " + name);
        return client;
    }

    /** Asks what is kept of big.bin, then leaves the upload by closing: nothing is sent after the answer. */
    private static String askKept(V1Client client) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        return client.request("y resume size=" + CONTENT.length + " name=big.bin", 1).get(0);
    }
}
