package dev.fileserver.wire.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid inputs: bit flips, byte changes, cuts, insertions, splices and
 * rewritten length headers. Each case is reproducible from its seed, which failures report.
 */
public final class Mutator {

    /** How many cases a fuzz test tries: small in the normal build, raised on demand. */
    public static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);

    private static final int[] INTERESTING_LENGTHS = {0, 1, 3, 4, 5, 127, 128, 255, 256, 4095, 4096, 4097, 65535,
            65536, 65537, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x7FFFFFFE};

    private final List<byte[]> corpus;

    public Mutator(List<byte[]> corpus) {
        this.corpus = corpus;
    }

    public byte[] mutate(long seed) {
        Random random = new Random(seed);
        byte[] input = corpus.get(random.nextInt(corpus.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            input = mutateOnce(input, random);
        }
        return input;
    }

    private byte[] mutateOnce(byte[] input, Random random) {
        if (input.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        int at = random.nextInt(input.length);
        switch (random.nextInt(7)) {
            case 0 -> input[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> input[at] = (byte) random.nextInt();
            case 2 -> input = Arrays.copyOf(input, at);
            case 3 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                input = concat(Arrays.copyOf(input, at), inserted, Arrays.copyOfRange(input, at, input.length));
            }
            case 4 -> {
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                input = concat(Arrays.copyOf(input, at), Arrays.copyOfRange(other, random.nextInt(other.length + 1),
                        other.length));
            }
            case 5 -> {
                if (input.length >= 4) {
                    int offset = random.nextInt(input.length - 3);
                    ByteBuffer.wrap(input, offset, 4).putInt(INTERESTING_LENGTHS[random.nextInt(INTERESTING_LENGTHS.length)]);
                }
            }
            default -> {
                byte[] utf8Noise = {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xF0, (byte) 0xFF};
                input[at] = utf8Noise[random.nextInt(utf8Noise.length)];
            }
        }
        return input;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            joined.put(part);
        }
        return joined.array();
    }
}
