package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.storage.s3.BucketView;
import dev.fileserver.server.storage.s3.EmbeddedS3;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * On the S3 backend a home is a key prefix below the served one: alice, logged in, sees and
 * changes only the keys under {@code served/alice/}, whatever path she names.
 */
class S3HomeFolderTest {

    static final String DENIED = "Error: You don't have permission to access that directory";

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static BucketView bucket;

    static RunningServer server;

    V1Client alice;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("served/");
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "correct horse", null, false);
        server = RunningServer.start(temp.resolve("unused"),
                s3.serverArguments(bucket, "--fileserver.auth.users-file=" + users.file()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        s3.close();
    }

    @BeforeEach
    void plant() throws IOException {
        bucket.clear();
        bucket.put("alice/own.txt", "alice's").put("bob/secret.txt", "bob's").put("top.txt", "everyone's");
        alice = V1Client.connectAccepted(server.port());
        assertThat(logIn(alice, "alice", "correct horse")).isEqualTo("welcome alice read-write");
    }

    @AfterEach
    void othersKeysAreUntouched() {
        alice.close();
        assertThat(bucket.read("bob/secret.txt")).isEqualTo("bob's");
        assertThat(bucket.read("top.txt")).isEqualTo("everyone's");
    }

    @Test
    void theHomePrefixIsTheRootTheAccountSees() throws IOException {
        assertThat(alice.list("")).isEqualTo("own.txt\n");
        assertThat(alice.request("/tree", 3).get(2)).isEqualTo("alice\n└── own.txt\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", "../bob", "/", "/served/bob", "own.txt/../../bob" })
    void noPathLeadsOutOfThePrefix(String path) throws IOException {
        assertThat(alice.request("/list " + path, 1)).containsExactly(DENIED);
        assertThat(alice.request("/download " + path + "/secret.txt", 1)).containsExactly(DENIED);
        assertThat(alice.request("/delete " + path + "/secret.txt", 1)).containsExactly(DENIED);
        assertThat(alice.request("/upload " + path, 1)).containsExactly(DENIED);
    }

    @Test
    void anUploadAndADeleteStayUnderThePrefix() throws IOException {
        byte[] content = "new".getBytes(StandardCharsets.UTF_8);
        assertThat(alice.uploadAcked(FileHeader.ofFile("secret.txt", 0644, content.length), content)).isEqualTo("ok");
        assertThat(bucket.read("alice/secret.txt")).isEqualTo("new");
        assertThat(alice.request("/delete secret.txt", 2)).containsExactly("ok", "file");
        assertThat(alice.request("y", 1)).containsExactly("'secret.txt' deleted successfully.");
        assertThat(bucket.names()).containsExactlyInAnyOrder("alice/own.txt", "bob/secret.txt", "top.txt");
    }
}
