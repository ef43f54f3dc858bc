package dev.fileserver.server.robustness;

import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.testsupport.TarEntry.folder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.TarEntry;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Bounded input: frames, headers, uploads and tarballs past their limits get a clear error (and a
 * closed connection when the stream can no longer be trusted), leave nothing on disk, and the
 * server goes on serving everyone else.
 */
class BoundedInputTest {

    private static final String KEPT = "notes.txt";

    @TempDir
    static Path root;

    static RunningServer server;

    static String keptSha;

    List<String> namesBefore;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(root.resolve(KEPT), "hello\n");
        keptSha = Sha256.of(root.resolve(KEPT));
        server = RunningServer.start(root, "--fileserver.max-upload-size=1KB", "--fileserver.max-file-header=1KB",
                "--fileserver.max-extracted-size=16KB", "--fileserver.max-extracted-entries=10");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void rememberTheRoot() throws IOException {
        namesBefore = Trees.descendants(root);
    }

    @ParameterizedTest(name = "a text frame announcing {0} bytes gets an error and is closed; others are served")
    @ValueSource(longs = {0x80000000L, 0xFFFFFFFFL})
    void aTextFrameAnnouncingGigabytesGetsAnErrorAndAClosedConnectionAndOthersAreServed(long announced)
            throws Exception {
        try (V1Client before = V1Client.connectAccepted(server.port());
                V1Client hostile = V1Client.connectAccepted(server.port())) {
            // were the length honoured, the server would wait for gigabytes and this read would time out
            hostile.sendRaw(V1Client.lengthHeader(announced));
            assertThat(hostile.receive())
                    .isEqualTo("Error: text frame of " + announced + " bytes exceeds the limit of 65536 bytes");
            Fixtures.assertClosedByServer(hostile);

            Fixtures.assertServes(before, KEPT, keptSha);
            try (V1Client after = V1Client.connectAccepted(server.port())) {
                Fixtures.assertServes(after, KEPT, keptSha);
            }
        }
    }

    static Stream<Arguments> malformedFileHeaders() {
        String fileLen = "'file_len' must be a non-negative integer";
        return Stream.of(
                Arguments.of("not JSON", "{\"is_compressed\": false, \"file_name\": \"a.txt\", ", "not valid JSON"),
                Arguments.of("a JSON array", "[false, \"a.txt\", 33188, 5]", "not a JSON object"),
                Arguments.of("a negative file_len", headerWithFileLen("-5"), fileLen),
                Arguments.of("a file_len given as a string", headerWithFileLen("\"5\""), fileLen),
                Arguments.of("an absurd file_len", headerWithFileLen("123456789012345678901234567890"), fileLen));
    }

    private static String headerWithFileLen(String json) {
        return "{\"is_compressed\": false, \"file_name\": \"a.txt\", \"permissions\": 33188, \"file_len\": "
                + json + "}";
    }

    @ParameterizedTest(name = "a file header that is {0} gets an error and a closed connection, and nothing is stored")
    @MethodSource("malformedFileHeaders")
    void aMalformedFileHeaderGetsAnErrorAndAClosedConnectionAndNothingIsStored(String what, String json, String reason)
            throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendRaw(V1Client.lengthPrefixed(json));
            assertThat(client.receive()).isEqualTo("Error: malformed file header: " + reason);
            Fixtures.assertClosedByServer(client);
        }
        assertNothingStoredAndStillServing();
    }

    @Test
    void aFileHeaderLongerThanMaxFileHeaderGetsAnErrorAndAClosedConnection() throws Exception {
        String json = "{\"is_compressed\": false, \"file_name\": \"a.txt\", \"permissions\": 33188, \"file_len\": 5, "
                + "\"padding\": \"" + "x".repeat(2000) + "\"}";
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendRaw(V1Client.lengthPrefixed(json));
            assertThat(client.receive())
                    .isEqualTo("Error: file header of " + json.length() + " bytes exceeds the limit of 1024 bytes");
            Fixtures.assertClosedByServer(client);
        }
        assertNothingStoredAndStillServing();
    }

    @Test
    void aRequestThatIsNotUtf8GetsAnErrorAndTheSameConnectionGoesOn() throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            client.sendRaw(V1Client.lengthPrefixed(new byte[] {'/', 'l', 'i', (byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
            assertThat(client.receive()).isEqualTo("Error: request is not valid UTF-8 text");
            Fixtures.assertServes(client, KEPT, keptSha);
        }
    }

    @Test
    void anUploadLargerThanMaxUploadSizeIsRefusedClearlyAndNothingIsStored() throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = client.uploadAcked(FileHeader.ofFile("big.bin", 0644, 2048), RandomBytes.array(1, 2048));
            assertThat(reply)
                    .isEqualTo("Error: 'big.bin' is 2048 bytes; the server accepts at most 1024 bytes per upload");
        }
        assertNothingStoredAndStillServing();
    }

    @Test
    void anUploadFarLargerThanMaxUploadSizeGetsAnErrorTheClientCanStillRead() throws Exception {
        long length = 64L * Fixtures.MiB;
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            try {
                client.sendFile(FileHeader.ofFile("huge.bin", 0644, length).withAck(), RandomBytes.stream(3, length));
            }
            catch (IOException refusedMidway) {
                // the server stops reading at the header: a client still sending may see its connection cut
            }
            assertThat(client.receive())
                    .isEqualTo("Error: 'huge.bin' is 67108864 bytes; the server accepts at most 1024 bytes per upload");
        }
        assertNothingStoredAndStillServing();
    }

    @Test
    void anUploadThatWouldLeaveLessThanTheFreeSpaceReserveIsRefusedAndNothingIsStored(@TempDir Path otherRoot)
            throws Exception {
        // larger than any disk this runs on: every upload would eat into the reserve
        try (RunningServer reserving = RunningServer.start(otherRoot, "--fileserver.free-space-reserve=100000GB");
                V1Client client = V1Client.connectAccepted(reserving.port())) {
            String reply = client.uploadAcked(FileHeader.ofFile("small.txt", 0644, 5),
                    "small".getBytes(StandardCharsets.UTF_8));
            assertThat(reply).isEqualTo("Error: not enough free space on the server for 'small.txt' (5 bytes)");
            assertThat(Trees.descendants(otherRoot)).isEmpty();
        }
    }

    @Test
    void aTarballExpandingPastMaxExtractedSizeIsRefusedAndLeavesNothing() throws Exception {
        // 64 KiB of zeros packs into far less than the 1 KB upload limit, and expands past 16 KB
        byte[] bomb = Tarballs.of(folder("bomb"), file("bomb/zeros.bin", new byte[64 * 1024], 0100644));
        assertThat(bomb.length).as("the tarball as sent is within max-upload-size").isLessThan(1024);
        assertTarballRefused("bomb", bomb, "Error: archive expands past the limit of 16384 bytes");
    }

    @Test
    void aTarballWithMoreEntriesThanMaxExtractedEntriesIsRefusedAndLeavesNothing() throws Exception {
        List<TarEntry> entries = new ArrayList<>(List.of(folder("many")));
        for (int i = 0; i < 12; i++) {
            entries.add(file("many/" + i, ""));
        }
        byte[] many = Tarballs.of(entries);
        assertThat(many.length).as("the tarball as sent is within max-upload-size").isLessThan(1024);
        assertTarballRefused("many", many, "Error: archive has more than 10 entries");
    }

    @Test
    void aTarballWithinTheLimitsIsStored() throws Exception {
        byte[] fits = Tarballs.of(folder("fits"), file("fits/a.txt", "a"), file("fits/b.txt", "b"));
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.uploadAcked(Fixtures.directoryHeader("fits", fits.length), fits))
                    .isEqualTo("ok");
        }
        assertThat(root.resolve("fits/a.txt")).hasContent("a");
        assertThat(root.resolve("fits/b.txt")).hasContent("b");
    }

    private void assertTarballRefused(String name, byte[] tarball, String refusal) throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = client.uploadAcked(Fixtures.directoryHeader(name, tarball.length), tarball);
            assertThat(reply).isEqualTo(refusal);
            assertThat(Trees.descendants(root)).containsExactlyInAnyOrderElementsOf(namesBefore);
            // a refused tarball is a request that failed, not a broken stream: the connection goes on
            Fixtures.assertServes(client, KEPT, keptSha);
        }
    }

    private void assertNothingStoredAndStillServing() throws Exception {
        assertThat(Trees.descendants(root)).containsExactlyInAnyOrderElementsOf(namesBefore);
        try (V1Client other = V1Client.connectAccepted(server.port())) {
            Fixtures.assertServes(other, KEPT, keptSha);
        }
    }
}
