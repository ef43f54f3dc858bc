package dev.fileserver.server.scaleout;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static dev.fileserver.server.scaleout.Traffic.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.auth.UsersFixture;
import dev.fileserver.server.storage.s3.BucketView;
import dev.fileserver.server.storage.s3.EmbeddedS3;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;

/**
 * A resumable upload into a bucket, cut at about half through server A (in this JVM), is kept in the
 * bucket out of everyone's sight and resumed through server B, a JVM of its own whose heap is smaller
 * than the part kept: B is sent only the rest, as its own byte meter shows, never holds the part
 * (which would exhaust its heap and end it), and the object stored is the file byte for byte.
 * Alice and Bob share one home; the part is Alice's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ResumeTest {

    private static final long SIZE = 192L * MiB;

    /** About half, on a piece of {@link Traffic#content}, so the part is a prefix any length of it can hash. */
    private static final long CUT = SIZE / 2 + 3 * 64 * 1024;

    private static final long SEED = 41;

    private static final List<String> SMALL_HEAP = List.of("-Xmx96m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    private static final Pattern RECEIVED = Pattern.compile("(?m)^fileserver_bytes_received_bytes_total (\\S+)$");

    private static final FileHeader HEADER = FileHeader.ofFile("big.bin", 0644, SIZE).withAck()
            .with(Extensions.NONE.withSha256Trailer().withResumable());

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static BucketView bucket;

    static RunningServer a;

    static ServerProcess b;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("resume/");
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "alice's", "shared", false)
                .add("bob", "bob's", "shared", false);
        String[] arguments = s3.serverArguments(bucket, "--fileserver.auth.users-file=" + users.file(),
                "--fileserver.storage.s3.part-size=5MB", "--fileserver.storage.s3.parts-in-flight=2");
        a = RunningServer.start(temp.resolve("a"), arguments);
        b = ForkedServer.start(temp.resolve("b"), SMALL_HEAP, arguments);
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        a.close();
        s3.close();
    }

    @Test
    @Order(1)
    void anUploadCutThroughOneServerIsKeptWhereNoListingTreeStatOrOtherAccountShowsIt() throws Exception {
        try (V1Client alice = loggedIn(a.port(), "alice", "alice's"); InputStream content = Traffic.content(SEED, SIZE)) {
            assertThat(alice.request("/upload", 2)).containsExactly("ok", "dir");
            alice.send("y");
            alice.sendRaw(V1Client.headerFrame(HEADER));
            Traffic.send(alice, content, CUT);
        }
        String kept = "resume " + CUT + " " + Traffic.digestOf(SEED, CUT);
        Await.until("the cut upload is kept", () -> {
            try (V1Client alice = loggedIn(b.tcpPort(), "alice", "alice's")) {
                return askKept(alice).equals(kept);
            }
        });

        for (int port : new int[] {a.port(), b.tcpPort()}) {
            try (V1Client alice = loggedIn(port, "alice", "alice's"); V1Client bob = loggedIn(port, "bob", "bob's")) {
                assertThat(Traffic.list(alice, "")).isEmpty();
                assertThat(alice.request("/tree", 3)).containsExactly("ok", "ok", "shared\n");
                assertThat(alice.request("/stat .fileserver-tmp-kept-parts", 3)).containsExactly("ok", "FILEError",
                        "Error: '.fileserver-tmp-kept-parts' not found");
                assertThat(askKept(bob)).isEqualTo("resume 0 " + Traffic.digestOf(SEED, 0));
            }
        }
        assertThat(bucket.names()).hasSize(1).allMatch(name -> name.startsWith("shared/.fileserver-tmp-kept-parts/"));
    }

    @Test
    @Order(2)
    void theOtherServerIsSentOnlyTheRestAndStoresTheFileByteForByteWithoutHoldingThePart() throws Exception {
        double before = received();
        try (V1Client alice = loggedIn(b.tcpPort(), "alice", "alice's"); InputStream content = Traffic.content(SEED, SIZE)) {
            assertThat(askKept(alice)).startsWith("resume " + CUT + " ");
            content.skipNBytes(CUT);
            alice.sendRaw(V1Client.headerFrame(HEADER.from(CUT)));
            Traffic.send(alice, content, SIZE - CUT);
            alice.send("sha256 " + Traffic.digestOf(SEED, SIZE));
            assertThat(alice.receive()).isEqualTo("ok");
        }
        double receivedAgain = received() - before;

        assertThat(receivedAgain).isEqualTo(SIZE - CUT).isLessThan(0.6 * SIZE);
        assertThat(bucket.names()).containsExactly("shared/big.bin");
        try (V1Client bob = loggedIn(a.port(), "bob", "bob's")) {
            assertThat(Traffic.download(bob, "big.bin")).isEqualTo(Traffic.digestOf(SEED, SIZE));
        }
        assertThat(b.isAlive()).as("the server with the small heap is still up").isTrue();
        System.out.printf("S3ResumeTest: %d of %d MiB sent again through a 96 MiB heap; its peak RSS %d MiB%n",
                (long) receivedAgain / MiB, SIZE / MiB, b.peakResidentBytes() / MiB);
    }

    private static V1Client loggedIn(int port, String name, String password) throws IOException {
        V1Client client = V1Client.connectAccepted(port);
        assertThat(logIn(client, name, password)).startsWith("welcome " + name);
        return client;
    }

    /** Asks what is kept of big.bin: the {@code resume} answer, after which the server awaits the frame. */
    private static String askKept(V1Client client) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        return client.request("y resume size=" + SIZE + " name=big.bin", 1).get(0);
    }

    /** What server B's meter says it has received, in bytes, as its Prometheus page shows it. */
    private static double received() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + b.httpPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = RECEIVED.matcher(page.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
