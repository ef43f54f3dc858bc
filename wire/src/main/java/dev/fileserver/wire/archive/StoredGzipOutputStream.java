package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * A gzip stream of deflate "stored" (uncompressed) blocks. Unlike {@link java.util.zip.Deflater}
 * at level 0, whose block boundaries are its own business, its length is a pure function of the
 * input length ({@link #lengthFor(long)}), so a directory can be sent with an exact
 * {@code file_len} before its first byte is produced, without spooling it anywhere.
 */
public final class StoredGzipOutputStream extends OutputStream {

    private static final int MAX_BLOCK = 65535;

    private static final int GZIP_HEADER = 10;

    private static final int BLOCK_HEADER = 5;

    private static final int GZIP_TRAILER = 8;

    private final OutputStream out;

    private final byte[] block = new byte[MAX_BLOCK];

    private final CRC32 crc = new CRC32();

    private int filled;

    private long total;

    private boolean finished;

    public StoredGzipOutputStream(OutputStream out) throws IOException {
        this.out = out;
        // magic, deflate, no flags, no mtime, no extra flags, OS unknown
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    }

    /** The exact number of bytes this stream writes for {@code inputLength} bytes of input. */
    public static long lengthFor(long inputLength) {
        long blocks = (inputLength + MAX_BLOCK - 1) / MAX_BLOCK;
        return GZIP_HEADER + inputLength + BLOCK_HEADER * blocks + BLOCK_HEADER + GZIP_TRAILER;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        crc.update(bytes, offset, length);
        total += length;
        while (length > 0) {
            int chunk = Math.min(length, MAX_BLOCK - filled);
            System.arraycopy(bytes, offset, block, filled, chunk);
            filled += chunk;
            offset += chunk;
            length -= chunk;
            if (filled == MAX_BLOCK) {
                writeBlock(false);
            }
        }
    }

    /** Ends the deflate stream and writes the gzip trailer; the underlying stream stays open. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (filled > 0) {
            writeBlock(false);
        }
        writeBlock(true);
        long crcValue = crc.getValue();
        out.write(new byte[] {
                (byte) crcValue, (byte) (crcValue >>> 8), (byte) (crcValue >>> 16), (byte) (crcValue >>> 24),
                (byte) total, (byte) (total >>> 8), (byte) (total >>> 16), (byte) (total >>> 24)});
        finished = true;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.flush();
    }

    private void writeBlock(boolean last) throws IOException {
        int length = filled;
        out.write(new byte[] {
                (byte) (last ? 1 : 0), (byte) length, (byte) (length >>> 8),
                (byte) ~length, (byte) (~length >>> 8)});
        out.write(block, 0, length);
        filled = 0;
    }
}
