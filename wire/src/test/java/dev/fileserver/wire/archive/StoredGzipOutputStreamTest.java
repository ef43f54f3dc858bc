package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredGzipOutputStreamTest {

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] storedGzip(byte[] input, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoredGzipOutputStream gzip = new StoredGzipOutputStream(out);
        for (int at = 0; at < input.length; at += chunk) {
            gzip.write(input, at, Math.min(chunk, input.length - at));
        }
        gzip.finish();
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 65534, 65535, 65536, 131070, 131071, 200000})
    void itsLengthIsExactlyLengthForAndTheJdkDecodesTheSameBytes(int length) throws IOException {
        byte[] input = randomBytes(length, length);

        byte[] gzip = storedGzip(input, Math.max(1, input.length));

        assertThat((long) gzip.length).isEqualTo(StoredGzipOutputStream.lengthFor(length));
        assertThat(gunzip(gzip)).isEqualTo(input);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {65535, 65536, 200000})
    void writesInPiecesThatStraddleBlocksGiveTheSameBytesAsOneWrite(int length) throws IOException {
        byte[] input = randomBytes(length, length);

        assertThat(storedGzip(input, 7919)).isEqualTo(storedGzip(input, length));
    }

    @Test
    void singleByteWritesAreEncodedLikeArrayWrites() throws IOException {
        byte[] input = randomBytes(300, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoredGzipOutputStream gzip = new StoredGzipOutputStream(out);
        for (byte b : input) {
            gzip.write(b);
        }
        gzip.finish();

        assertThat(out.toByteArray()).isEqualTo(storedGzip(input, 300));
    }

    @Test
    void commonsCompressDecodesItToo() throws IOException {
        byte[] input = randomBytes(150_000, 6);

        try (GzipCompressorInputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(storedGzip(input, 4096)))) {
            assertThat(in.readAllBytes()).isEqualTo(input);
        }
    }

    @Test
    void lengthForCountsHeaderBlockHeadersEmptyLastBlockAndTrailer() {
        assertThat(StoredGzipOutputStream.lengthFor(0)).isEqualTo(10 + 5 + 8);
        assertThat(StoredGzipOutputStream.lengthFor(1)).isEqualTo(10 + 5 + 1 + 5 + 8);
        assertThat(StoredGzipOutputStream.lengthFor(65535)).isEqualTo(10 + 5 + 65535 + 5 + 8);
        assertThat(StoredGzipOutputStream.lengthFor(65536)).isEqualTo(10 + 2 * 5 + 65536 + 5 + 8);
        assertThat(StoredGzipOutputStream.lengthFor(10L << 30)).isEqualTo(
                10 + (10L << 30) + 5 * ((10L << 30) / 65535 + 1) + 5 + 8);
    }

    @Test
    void finishingTwiceWritesTheTrailerOnceAndLeavesTheStreamOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoredGzipOutputStream gzip = new StoredGzipOutputStream(out);
        gzip.write(new byte[] {1, 2, 3});
        gzip.finish();
        gzip.finish();
        gzip.close();
        out.write(0x42);

        assertThat(out.size()).isEqualTo(StoredGzipOutputStream.lengthFor(3) + 1);
    }

    @Test
    void itStartsWithTheGzipMagicAndTheDeflateMethod() throws IOException {
        assertThat(storedGzip(new byte[0], 1)).startsWith(0x1f, 0x8b, 8);
    }
}
