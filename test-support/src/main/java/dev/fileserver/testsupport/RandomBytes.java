package dev.fileserver.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

/** Pseudo-random (incompressible) content determined by a seed: the same seed, the same bytes. */
public final class RandomBytes {

    private RandomBytes() {
    }

    /** {@code length} bytes produced as they are read, never held whole. */
    public static InputStream stream(long seed, long length) {
        return new InputStream() {

            private final SplittableRandom random = new SplittableRandom(seed);

            private long remaining = length;

            private long word;

            private int wordBytesLeft;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (remaining == 0) {
                    return -1;
                }
                int n = (int) Math.min(count, remaining);
                for (int i = offset; i < offset + n; i++) {
                    if (wordBytesLeft == 0) {
                        word = random.nextLong();
                        wordBytesLeft = 8;
                    }
                    buffer[i] = (byte) word;
                    word >>>= 8;
                    wordBytesLeft--;
                }
                remaining -= n;
                return n;
            }
        };
    }

    public static byte[] array(long seed, int length) {
        try {
            return stream(seed, length).readAllBytes();
        }
        catch (IOException e) {
            throw new IllegalStateException("an in-memory stream failed", e);
        }
    }
}
