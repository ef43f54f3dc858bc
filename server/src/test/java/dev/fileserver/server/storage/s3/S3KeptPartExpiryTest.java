package dev.fileserver.server.storage.s3;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.auth.UsersFixture;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;

/**
 * The server's sweep removes from the bucket the kept parts whose time is up, those of the accounts'
 * homes included, with {@code fileserver.resume.keep-for} set short.
 */
class S3KeptPartExpiryTest {

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static BucketView bucket;

    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("served/");
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "alice's", "alice", false);
        server = RunningServer.start(temp.resolve("unused"), s3.serverArguments(bucket,
                "--fileserver.auth.users-file=" + users.file(), "--fileserver.resume.keep-for=5s"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        s3.close();
    }

    @Test
    void aPartKeptInAHomeIsDeletedFromTheBucketOnceItsTimeIsUp() throws Exception {
        byte[] content = RandomBytes.array(3, 64 * 1024);
        try (V1Client alice = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(alice, "alice", "alice's")).startsWith("welcome alice");
            assertThat(alice.request("/upload", 2)).containsExactly("ok", "dir");
            alice.send("y");
            alice.sendRaw(V1Client.headerFrame(FileHeader.ofFile("big.bin", 0644, content.length).withAck()
                    .with(Extensions.NONE.withResumable())));
            alice.sendRaw(Arrays.copyOf(content, 40 * 1024));
        }

        Await.until("the part is kept in alice's home", () -> bucket.names().stream()
                .anyMatch(name -> name.startsWith("alice/.fileserver-tmp-kept-parts/")));
        Await.until("the part is gone once its time is up", () -> bucket.names().isEmpty());
    }
}
