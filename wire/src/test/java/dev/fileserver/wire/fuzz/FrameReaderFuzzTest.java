package dev.fileserver.wire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.InvalidTextException;
import dev.fileserver.wire.ProtocolException;
import dev.fileserver.wire.support.TestSupport;

/**
 * Mutated frames fed to the reader: the only exceptions that may come out are the protocol's own,
 * and what it allocates stays within the frame limits whatever the length headers claim.
 */
class FrameReaderFuzzTest {

    static final FrameLimits LIMITS = new FrameLimits(4096, 4096);

    /**
     * Far below what a mutated length header can claim (up to 4 GiB), above what an honest read of a
     * few frames costs (a frame's body within the limits, a 64 KiB copy buffer per file frame).
     */
    static final long ALLOCATION_BOUND = 4L * 1024 * 1024;

    @Test
    void mutatedFramesYieldFramesOrProtocolErrorsOnly() throws IOException {
        Mutator mutator = new Mutator(corpus());
        theCorpusItselfReadsCleanly(); // class loading and JSON set-up are not the reader's allocations
        for (long seed = 0; seed < Mutator.ITERATIONS; seed++) {
            byte[] input = mutator.mutate(seed);
            long allocated = TestSupport.bytesAllocatedBy(() -> readEverything(input, seedOf(input)));
            if (allocated > ALLOCATION_BOUND) {
                fail("seed " + seed + " made the reader allocate " + allocated + " bytes for " + input.length);
            }
            try {
                readEverything(input, seedOf(input));
            }
            catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + " escaped with " + e, e);
            }
        }
    }

    @Test
    void theCorpusItselfReadsCleanly() throws IOException {
        for (byte[] valid : corpus()) {
            assertThat(readEverything(valid, 0)).isPositive();
        }
    }

    /** Reads frames until the input ends or is refused, alternating text and file frames by the seed. */
    private static int readEverything(byte[] input, long pattern) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(input), LIMITS);
        int frames = 0;
        try {
            for (int i = 0; ; i++) {
                if (((pattern >> (i % 63)) & 1) == 0) {
                    reader.readText();
                }
                else {
                    FileHeader header = reader.readFileHeader();
                    reader.copyContent(header, OutputStream.nullOutputStream());
                }
                frames++;
            }
        }
        catch (EndOfStreamException | ProtocolException | InvalidTextException expected) {
            return Math.max(frames, 1);
        }
    }

    /** Corpus inputs start with a marker byte pattern; mutated ones pick text or file reading from their bytes. */
    private static long seedOf(byte[] input) {
        long pattern = 0;
        for (int i = 0; i < Math.min(8, input.length); i++) {
            pattern = pattern << 8 | (input[i] & 0xFF);
        }
        return pattern;
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String text : List.of("/list", "/download photos/2024", "y", "ok", "missarg", "Ünïcödé ✓", "")) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            new FrameWriter(frame).writeText(text);
            corpus.add(frame.toByteArray());
        }
        for (FileHeader header : List.of(FileHeader.ofFile("a.txt", 0644, 5), FileHeader.ofDirectory("d", 0755, 3),
                FileHeader.ofFile("big.bin", 0600, 70_000).withAck())) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            byte[] content = TestSupport.randomBytes((int) header.fileLen(), header.fileLen());
            new FrameWriter(frame).writeFile(header, new ByteArrayInputStream(content));
            corpus.add(frame.toByteArray());
        }
        return corpus;
    }
}
