package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * The content of the file entry being handed to a sink, counted as the sink reads it against the
 * limit on expanded bytes, so that any sink is bounded. One instance serves every entry of an
 * extraction; it reads only while handed over, and closing it leaves the tar stream open. Before
 * each chunk it asks whether the extraction is still wanted, so a long file stops midway.
 */
final class EntryContentStream extends InputStream {

    private final InputStream tar;

    private final long maxExpandedBytes;

    private final BooleanSupplier stopped;

    private long expanded;

    private boolean handedOver;

    EntryContentStream(InputStream tar, long maxExpandedBytes, BooleanSupplier stopped) {
        this.tar = tar;
        this.maxExpandedBytes = maxExpandedBytes;
        this.stopped = stopped;
    }

    void handOver() {
        handedOver = true;
    }

    /** Ends the hand-over; a sink that swallowed the limit's refusal does not get past it this way. */
    void takeBack() throws UnsafeArchiveException {
        handedOver = false;
        checkLimit();
    }

    @Override
    public int read() throws IOException {
        checkReadable();
        int b;
        try {
            b = tar.read();
        }
        catch (IOException e) {
            throw UnsafeArchiveException.notATarball(e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkReadable();
        int read;
        try {
            read = tar.read(buffer, offset, length);
        }
        catch (IOException e) {
            throw UnsafeArchiveException.notATarball(e);
        }
        if (read > 0) {
            count(read);
        }
        return read;
    }

    private void checkReadable() throws IOException {
        if (!handedOver) {
            throw new IOException("an archive entry's content is read only while the entry is handed over");
        }
        checkLimit();
        if (stopped.getAsBoolean()) {
            throw new ExtractionStoppedException();
        }
    }

    /** Refuses before the sink sees the bytes that went past the limit. */
    private void count(int bytes) throws UnsafeArchiveException {
        expanded += bytes;
        checkLimit();
    }

    private void checkLimit() throws UnsafeArchiveException {
        if (expanded > maxExpandedBytes) {
            throw new ExpansionLimitException(maxExpandedBytes);
        }
    }
}
