package dev.fileserver.wire.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hands every byte read through it to a digest (a {@code MessageDigest}, a {@link Sha256Pipeline}). */
public class HashingInputStream extends FilterInputStream {

    /** Where the bytes go: {@code MessageDigest::update}, {@code Sha256Pipeline::update}. */
    @FunctionalInterface
    public interface Digest {

        void update(byte[] bytes, int offset, int length);
    }

    private final Digest digest;

    public HashingInputStream(InputStream in, Digest digest) {
        super(in);
        this.digest = digest;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        if (read > 0) {
            digest.update(buffer, offset, read);
        }
        return read;
    }

    /** Skipped bytes are part of what is hashed: they are read. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
