package dev.fileserver.server.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerReader;

/**
 * A big transfer cut at about half and resumed sends or receives only the rest, as the server's
 * own byte meters show, and the result is the file, byte for byte. (64 MiB rather than 200 MiB, to
 * keep the build quick: the share of the file moved is what is checked.)
 */
class ResumeProofTest {

    private static final int SIZE = 64 * 1024 * 1024;

    private static final int CUT = SIZE / 2 + 12_345;

    @TempDir
    static Path served;

    @TempDir
    Path local;

    static RunningServer server;

    static Path original;

    static String originalSha256;

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createDirectories(served.resolve("root"));
        original = served.resolve("original.bin");
        Random random = new Random(13);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(original)) {
            for (int written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        originalSha256 = Sha256.of(original);
        Files.copy(original, root.resolve("big.bin"));
        Files.createDirectories(root.resolve("uploads"));
        server = RunningServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDownloadCutAtHalfAndResumedIsSentLessThanSixtyPercentTheSecondTimeAndArrivesWhole() throws IOException {
        Path partial = local.resolve("big.bin.part");
        String version;
        try (V1Client first = V1Client.connectAccepted(server.port())) {
            FileHeader header = askDownload(first, "y digest=sha256");
            version = header.extensions().version();
            try (OutputStream out = Files.newOutputStream(partial)) {
                receiveFirst(first, header, CUT, out);
            }
        }
        double sentBefore = meter("fileserver.bytes.sent");

        Sha256Trailer trailer;
        try (V1Client second = V1Client.connectAccepted(server.port())) {
            FileHeader rest = askDownload(second, "y digest=sha256 offset=" + CUT + " if=" + version);
            assertThat(rest.extensions().offset()).isEqualTo(CUT);
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
                second.receiveContent(rest, out);
            }
            trailer = new TrailerReader(1).accept(second.receive());
        }

        double sentAgain = awaitChange("fileserver.bytes.sent", sentBefore) - sentBefore;
        assertThat(sentAgain).isEqualTo(SIZE - CUT).isLessThan(0.6 * SIZE);
        assertThat(Sha256.of(partial)).isEqualTo(originalSha256).isEqualTo(trailer.whole());
    }

    @Test
    void anUploadCutAtHalfAndResumedIsReceivedLessThanSixtyPercentTheSecondTimeAndIsStoredWhole()
            throws IOException {
        FileHeader header = FileHeader.ofFile("resumed.bin", 0644, SIZE).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        try (V1Client first = V1Client.connectAccepted(server.port()); InputStream in = Files.newInputStream(original)) {
            assertThat(first.request("/upload uploads", 2)).containsExactly("ok", "dir");
            first.send("y");
            first.sendRaw(V1Client.headerFrame(header));
            first.sendRaw(in.readNBytes(CUT));
        }

        try (V1Client second = V1Client.connectAccepted(server.port()); InputStream in = Files.newInputStream(original)) {
            long kept = awaitKeptPart(second);
            double receivedBefore = meter("fileserver.bytes.received");
            in.skipNBytes(kept);
            second.sendFile(header.from(kept), in);
            second.send("sha256 " + originalSha256);
            assertThat(second.receive()).isEqualTo("ok");

            double receivedAgain = meter("fileserver.bytes.received") - receivedBefore;
            assertThat(kept).isGreaterThan(SIZE / 4);
            assertThat(receivedAgain).isEqualTo(SIZE - kept).isLessThan(0.6 * SIZE);
        }
        assertThat(Sha256.of(server.root().resolve("uploads/resumed.bin"))).isEqualTo(originalSha256);
    }

    private static FileHeader askDownload(V1Client client, String answer) throws IOException {
        assertThat(client.request("/download big.bin", 2)).containsExactly("ok", "file");
        client.send(answer);
        return client.receiveFileHeader();
    }

    /** Receives the first {@code count} bytes of the content, then stops reading, as a cut connection does. */
    private static void receiveFirst(V1Client client, FileHeader header, long count, OutputStream out)
            throws IOException {
        try {
            client.receiveContent(header, new FirstBytes(out, count));
        }
        catch (CutException expected) {
            // the bytes wanted are in; the connection is closed next
        }
    }

    /** Asks for the kept part until the server has noticed the cut; returns its length. */
    private static long awaitKeptPart(V1Client client) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            assertThat(client.request("/upload uploads", 2)).containsExactly("ok", "dir");
            String answer = client.request("y resume size=" + SIZE + " name=resumed.bin", 1).get(0);
            long kept = Long.parseLong(answer.split(" ")[1]);
            if (kept > 0) {
                return kept;
            }
            assertThat(System.nanoTime()).as("the cut upload was never kept").isLessThan(deadline);
            client.sendFile(FileHeader.ofFile("probe", 0644, 0).withAck(), new byte[0]);
            assertThat(client.receive()).isEqualTo("ok");
            pause();
        }
    }

    private static double meter(String name) {
        return server.context().getBean(MeterRegistry.class).get(name).counter().count();
    }

    /** A download is counted once the server has written its last frame, a moment after the client read it. */
    private static double awaitChange(String name, double before) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (meter(name) == before && System.nanoTime() < deadline) {
            pause();
        }
        return meter(name);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Passes on the first {@code limit} bytes, then stops the copy by throwing. */
    private static final class FirstBytes extends OutputStream {

        private final OutputStream out;

        private long left;

        FirstBytes(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int kept = (int) Math.min(left, length);
            out.write(bytes, offset, kept);
            left -= kept;
            if (left == 0) {
                throw new CutException();
            }
        }
    }

    private static final class CutException extends IOException {
    }
}
