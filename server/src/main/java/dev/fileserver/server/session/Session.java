package dev.fileserver.server.session;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.fileserver.server.storage.Upload;

/**
 * The state of one connection's conversation. The v1 dialect has several turns per command
 * (type, then {@code y}/{@code n}, then maybe a file frame); which turn comes next lives here and
 * nowhere else. Every state has a way out: {@link #close()} is called however the connection ends.
 */
public final class Session {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String connectionId;

    private final String label;

    private final String remoteAddress;

    private Function<String, Reply> pendingAnswer;

    private ExpectedUpload expectedUpload;

    private Upload upload;

    private volatile boolean closeRequested;

    private volatile long writeProgressNanos;

    private volatile boolean writing;

    private volatile Runnable forceClose = () -> { };

    public Session(String connectionId, String remoteAddress) {
        this.connectionId = connectionId;
        this.remoteAddress = remoteAddress;
        this.label = "conn-" + SEQUENCE.incrementAndGet();
    }

    public String connectionId() {
        return connectionId;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The next text frame answers the last reply (y/n, or the local path after {@code error}). */
    public synchronized void awaitAnswer(Function<String, Reply> handler) {
        this.pendingAnswer = handler;
    }

    /** Takes the pending answer handler, if any; the conversation is idle afterwards. */
    public synchronized Optional<Function<String, Reply>> takePendingAnswer() {
        Function<String, Reply> handler = pendingAnswer;
        pendingAnswer = null;
        return Optional.ofNullable(handler);
    }

    /** The next frame is a file frame, not a text frame. */
    public synchronized void expectUpload(ExpectedUpload upload) {
        this.expectedUpload = upload;
    }

    /** The file frame expected next, if any; clears the expectation. */
    public synchronized Optional<ExpectedUpload> takeExpectedUpload() {
        ExpectedUpload expected = expectedUpload;
        expectedUpload = null;
        return Optional.ofNullable(expected);
    }

    /** An upload whose content is being received; aborted if the connection ends first. */
    public synchronized void track(Upload upload) {
        this.upload = upload;
    }

    public synchronized void untrack(Upload upload) {
        if (this.upload == upload) {
            this.upload = null;
        }
    }

    /** How the connection is closed from outside its own thread (a stalled write, a shutdown). */
    public void onForceClose(Runnable closer) {
        this.forceClose = closer;
    }

    /** A reply is being written; {@link #wrote()} marks each bit of progress. */
    public void writeStarted() {
        writeProgressNanos = System.nanoTime();
        writing = true;
    }

    public void wrote() {
        writeProgressNanos = System.nanoTime();
    }

    public void writeFinished() {
        writing = false;
    }

    /**
     * Closes the connection if a reply has made no progress for {@code timeoutNanos}: a client that
     * stops reading would otherwise hold its thread and its slot forever.
     */
    public boolean closeIfWriteStalled(long timeoutNanos) {
        if (writing && System.nanoTime() - writeProgressNanos > timeoutNanos) {
            forceClose.run();
            return true;
        }
        return false;
    }

    /** Whether a transfer is under way: a file frame expected or arriving, or a reply being written. */
    public synchronized boolean isTransferring() {
        return expectedUpload != null || upload != null || writing;
    }

    /** Close the connection once the current reply has been sent. */
    public void requestClose() {
        closeRequested = true;
    }

    public boolean isCloseRequested() {
        return closeRequested;
    }

    /** Ends every state: a pending answer, an expected or half-received upload. */
    public void close() {
        Upload inFlight;
        synchronized (this) {
            pendingAnswer = null;
            expectedUpload = null;
            inFlight = upload;
            upload = null;
        }
        if (inFlight != null) {
            inFlight.abort();
        }
    }

    @Override
    public String toString() {
        return label + " " + remoteAddress;
    }
}
