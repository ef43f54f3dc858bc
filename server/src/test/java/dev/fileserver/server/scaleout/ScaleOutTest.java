package dev.fileserver.server.scaleout;

import static dev.fileserver.server.scaleout.Traffic.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.s3.BucketView;
import dev.fileserver.server.storage.s3.EmbeddedS3;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Two servers on one bucket, as behind a load balancer: server A in a JVM of its own (so that it can
 * be killed), server B in this one. What one stores the other serves; they agree on a name both
 * store at once; one killed mid-upload leaves nothing behind; the store going away fails transfers
 * clearly and service resumes when it is back. The last test kills A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

    private static final long BIG = 24L * MiB;

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static BucketView bucket;

    static ServerProcess a;

    static RunningServer b;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("shared/");
        String[] arguments = s3.serverArguments(bucket, "--fileserver.storage.s3.part-size=5MB",
                "--fileserver.storage.s3.parts-in-flight=2");
        a = ForkedServer.start(temp.resolve("a"), List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"), arguments);
        b = RunningServer.start(temp.resolve("b"), arguments);
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        a.close();
        s3.close();
    }

    @Test
    @Order(1)
    void aFileStoredThroughOneServerIsListedAndDownloadedThroughTheOtherByteForByte() throws IOException {
        storeAndServe(a.tcpPort(), b.port(), "big.bin", 1, BIG, "big.bin\n");
    }

    @Test
    @Order(2)
    void twoUploadsOfOneNameThroughBothServersAtOnceLeaveOneWholeObject() throws Exception {
        try (V1Client throughA = V1Client.connectAccepted(a.tcpPort());
                V1Client throughB = V1Client.connectAccepted(b.port())) {
            InputStream fromA = Traffic.content(2, BIG);
            InputStream fromB = Traffic.content(3, BIG);
            Traffic.beginUpload(throughA, "", "both.bin", BIG);
            Traffic.beginUpload(throughB, "", "both.bin", BIG);
            Traffic.send(throughA, fromA, BIG / 2);
            Traffic.send(throughB, fromB, BIG / 2);
            // both servers have begun (each has a multipart upload under way) before either finishes
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bucket.uploadsUnderWay("both.bin") == 2);
            Traffic.send(throughA, fromA, BIG - BIG / 2);
            String answerA = throughA.receive();
            Traffic.send(throughB, fromB, BIG - BIG / 2);
            String answerB = throughB.receive();

            assertThat(answerA).isEqualTo("ok");
            assertThat(answerB).isEqualTo("Error: could not store 'both.bin': another upload of the same name "
                    + "finished first");
            assertThat(Traffic.download(throughB, "both.bin")).isEqualTo(Traffic.digestOf(2, BIG));
        }
    }

    @Test
    @Order(3)
    void aDeleteThroughOneServerDuringADownloadThroughTheOtherDoesNotCorruptIt() throws Exception {
        try (V1Client throughA = V1Client.connectAccepted(a.tcpPort());
                V1Client throughB = V1Client.connectAccepted(b.port())) {
            FileHeader header = Traffic.beginDownload(throughA, "big.bin", "file");
            Traffic.Digest received = new Traffic.Digest();
            throughA.receiveContent(header, Traffic.tripwire(received, MiB, () -> {
                assertThat(throughB.request("/delete big.bin", 2)).containsExactly("ok", "file");
                assertThat(throughB.request("y", 1)).containsExactly("'big.bin' deleted successfully.");
            }));

            assertThat(received.count()).isEqualTo(BIG);
            assertThat(received.hex()).isEqualTo(Traffic.digestOf(1, BIG));
            assertThat(Traffic.list(throughA, "")).isEqualTo("both.bin\n");
        }
    }

    @Test
    @Order(4)
    void theStoreGoingAwayMidTransferFailsItClearlyLeavesNothingPartialAndServiceResumesWhenItReturns()
            throws Exception {
        try (V1Client uploading = V1Client.connectAccepted(b.port())) {
            Traffic.beginUpload(uploading, "", "cut.bin", BIG);
            InputStream content = Traffic.content(4, BIG);
            Traffic.send(uploading, content, BIG / 4);
            s3.stop();
            try {
                Traffic.send(uploading, content, BIG - BIG / 4);
            }
            catch (IOException refusedMidway) {
                // the server stops reading once the store fails: a client still sending may see its connection cut
            }
            assertThat(uploading.receive())
                    .isEqualTo("Error: could not store 'cut.bin': the object store is unreachable");
        }
        try (V1Client downloading = V1Client.connectAccepted(b.port())) {
            assertThat(downloading.request("/list", 3)).containsExactly("ok", "OSError",
                    "Error: cannot list '" + "shared" + "': the object store is unreachable");
        }
        s3.restart();

        assertThat(bucket.names()).containsExactly("both.bin");
        storeAndServe(b.port(), a.tcpPort(), "after.bin", 5, MiB, "after.bin\nboth.bin\n");
    }

    @Test
    @Order(5)
    void theStoreGoingAwayMidDownloadCutsTheDownloadShortInsteadOfSendingWrongBytes() throws Exception {
        try (V1Client downloading = V1Client.connectAccepted(b.port())) {
            FileHeader header = Traffic.beginDownload(downloading, "both.bin", "file");
            Traffic.Digest received = new Traffic.Digest();
            try {
                assertThatThrownBy(() -> downloading.receiveContent(header, Traffic.tripwire(received, MiB, s3::stop)))
                        .isInstanceOf(IOException.class);
            }
            finally {
                s3.restart();
            }
            assertThat(received.count()).isLessThan(BIG);
        }
        try (V1Client again = V1Client.connectAccepted(b.port())) {
            assertThat(Traffic.download(again, "both.bin")).isEqualTo(Traffic.digestOf(2, BIG));
        }
    }

    @Test
    @Order(6)
    void aServerKilledMidUploadLeavesNothingVisibleAndTheOtherKeepsServing() throws Exception {
        try (V1Client throughA = V1Client.connectAccepted(a.tcpPort())) {
            Traffic.beginUpload(throughA, "", "doomed.bin", BIG);
            Traffic.send(throughA, Traffic.content(6, BIG), BIG / 2);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bucket.uploadsUnderWay("doomed.bin") == 1);
            a.kill();
        }

        try (V1Client throughB = V1Client.connectAccepted(b.port())) {
            assertThat(Traffic.list(throughB, "")).isEqualTo("after.bin\nboth.bin\n");
            assertThat(Traffic.download(throughB, "both.bin")).isEqualTo(Traffic.digestOf(2, BIG));
        }
        storeAndServe(b.port(), b.port(), "doomed.bin", 7, MiB, "after.bin\nboth.bin\ndoomed.bin\n");
        assertThat(bucket.names()).containsExactly("after.bin", "both.bin", "doomed.bin");
    }

    /** Stores a file through one server; the other lists exactly {@code listing} and sends every byte of the file. */
    private static void storeAndServe(int storing, int serving, String name, long seed, long size, String listing)
            throws IOException {
        try (V1Client through = V1Client.connectAccepted(storing); V1Client from = V1Client.connectAccepted(serving)) {
            assertThat(Traffic.upload(through, "", name, seed, size)).isEqualTo("ok");
            assertThat(Traffic.list(from, "")).isEqualTo(listing);
            assertThat(Traffic.download(from, name)).isEqualTo(Traffic.digestOf(seed, size));
        }
    }
}
