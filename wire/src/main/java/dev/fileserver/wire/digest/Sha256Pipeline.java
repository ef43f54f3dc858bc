package dev.fileserver.wire.digest;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 taken beside a transfer rather than in its way: bytes handed to {@link #update} are
 * copied into 1 MiB blocks, which a thread of its own hashes while the transfer's thread goes on
 * reading and writing. Hashing at about 1.5 GB/s a core would otherwise add its whole time to
 * every transfer's; beside it, it costs a copy (tens of GB/s) and a hand-over per megabyte. A
 * transfer shorter than one block is hashed in place, and no thread is started.
 * <p>
 * At most {@link #BLOCKS} blocks are in flight, so a transfer faster than the hashing waits for
 * it rather than queueing the file in memory: 4 MiB per transfer at most. One thread feeds it;
 * {@link #hex()} or {@link #close()} ends it.
 */
public final class Sha256Pipeline implements AutoCloseable {

    static final int BLOCK_BYTES = 1 << 20;

    static final int BLOCKS = 4;

    private static final Block END = new Block(new byte[0], 0);

    private final MessageDigest digest;

    private final BlockingQueue<Block> toHash = new ArrayBlockingQueue<>(BLOCKS);

    private final BlockingQueue<byte[]> hashed = new ArrayBlockingQueue<>(BLOCKS);

    private int allocated;

    private byte[] current;

    private int filled;

    private Thread hasher;

    private String result;

    /** Goes on from {@code digest}, which may have taken bytes already and is this pipeline's from now on. */
    public Sha256Pipeline(MessageDigest digest) {
        this.digest = digest;
    }

    public static Sha256Pipeline start() {
        return new Sha256Pipeline(Sha256.start());
    }

    public void update(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (current == null) {
                current = freeBlock();
            }
            int taken = Math.min(length, BLOCK_BYTES - filled);
            System.arraycopy(bytes, offset, current, filled, taken);
            offset += taken;
            length -= taken;
            filledBy(taken);
        }
    }

    /**
     * Takes the buffer's remaining bytes, leaving its position where it was: content read into a
     * direct buffer is copied once, into a block, and never through a heap buffer of its own.
     */
    public void update(ByteBuffer bytes) {
        ByteBuffer from = bytes.duplicate();
        while (from.hasRemaining()) {
            if (current == null) {
                current = freeBlock();
            }
            int taken = Math.min(from.remaining(), BLOCK_BYTES - filled);
            from.get(current, filled, taken);
            filledBy(taken);
        }
    }

    private void filledBy(int taken) {
        filled += taken;
        if (filled == BLOCK_BYTES) {
            handOver(new Block(current, filled));
            current = null;
            filled = 0;
        }
    }

    /** The digest of everything handed over; the pipeline is done. */
    public String hex() {
        if (result != null) {
            return result;
        }
        if (hasher == null) {
            if (current != null) {
                digest.update(current, 0, filled);
            }
        }
        else {
            if (filled > 0) {
                handOver(new Block(current, filled));
            }
            handOver(END);
            try {
                hasher.join();
            }
            catch (InterruptedException e) {
                throw interrupted();
            }
        }
        current = null;
        result = Sha256.hex(digest);
        return result;
    }

    /** Stops hashing, whatever is left: for a transfer that failed. */
    @Override
    public void close() {
        if (hasher != null && result == null) {
            hasher.interrupt();
        }
    }

    private void handOver(Block block) {
        if (hasher == null) {
            hasher = new Thread(this::hashBlocks, "sha256-pipeline");
            hasher.setDaemon(true);
            hasher.start();
        }
        try {
            toHash.put(block);
        }
        catch (InterruptedException e) {
            hasher.interrupt();
            throw interrupted();
        }
    }

    private byte[] freeBlock() {
        byte[] block = hashed.poll();
        if (block != null) {
            return block;
        }
        if (allocated < BLOCKS + 1) {
            allocated++;
            return new byte[BLOCK_BYTES];
        }
        try {
            return hashed.take();
        }
        catch (InterruptedException e) {
            close();
            throw interrupted();
        }
    }

    private void hashBlocks() {
        try {
            Block block;
            while ((block = toHash.take()) != END) {
                digest.update(block.bytes(), 0, block.length());
                hashed.offer(block.bytes());
            }
        }
        catch (InterruptedException e) {
            // the transfer failed: nobody waits for the digest
        }
    }

    private static UncheckedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new UncheckedIOException(new InterruptedIOException("interrupted while hashing"));
    }

    private record Block(byte[] bytes, int length) {
    }
}
