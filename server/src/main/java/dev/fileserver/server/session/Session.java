package dev.fileserver.server.session;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One connection: who it is, the {@link ConversationState} it is in, and the progress of the reply
 * being written or of file content being read by channel (for the stalled-write watchdog). The state is only read and moved here; what a
 * frame does in which state is decided by the conversation alone.
 */
public final class Session {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String connectionId;

    private final String label;

    private final String remoteAddress;

    private final InetAddress address;

    private final boolean encrypted;

    private volatile Login login;

    private ConversationState state = ConversationState.IDLE;

    private volatile long progressNanos;

    private volatile boolean writing;

    private volatile boolean channelReading;

    private volatile boolean admitted;

    private volatile Runnable forceClose = () -> { };

    private volatile BooleanSupplier peerGone = () -> false;

    public Session(String connectionId, String remoteAddress) {
        this(connectionId, remoteAddress, null, false);
    }

    /** @param encrypted whether the connection came in over TLS */
    public Session(String connectionId, String remoteAddress, InetAddress address, boolean encrypted) {
        this.connectionId = connectionId;
        this.remoteAddress = remoteAddress;
        this.address = address;
        this.encrypted = encrypted;
        this.label = "conn-" + SEQUENCE.incrementAndGet();
    }

    public String connectionId() {
        return connectionId;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The client's address; null for a session that has no socket. */
    public InetAddress address() {
        return address;
    }

    public boolean isEncrypted() {
        return encrypted;
    }

    /** Who the client logged in as; null until it has. */
    public Login login() {
        return login;
    }

    public void logIn(Login login) {
        this.login = login;
    }

    public synchronized ConversationState state() {
        return state;
    }

    public synchronized void moveTo(ConversationState next) {
        this.state = next;
    }

    public synchronized boolean isClosing() {
        return state instanceof ConversationState.Closing;
    }

    /**
     * The conversation has let the client in: its first request is complete, or, where a login is
     * required, its login. Until then its slot may go to a newcomer once the login grace time is over.
     */
    public void admit() {
        admitted = true;
    }

    public boolean isAdmitted() {
        return admitted;
    }

    /** How the connection is closed from outside its own thread (a stalled write, a shutdown). */
    public void onForceClose(Runnable closer) {
        this.forceClose = closer;
    }

    /**
     * How to tell that the client has gone away while no frame is being read (its connection
     * closed or reset), asked on the connection's own thread only.
     */
    public void onPeerCheck(BooleanSupplier gone) {
        this.peerGone = gone;
    }

    /**
     * Whether work for this connection can stop: the client has gone away, or the connection is
     * being closed from here. Asked on the connection's own thread, during long work such as
     * unpacking a folder; cheap enough to ask often.
     */
    public boolean isAbandoned() {
        return isClosing() || peerGone.getAsBoolean();
    }

    /** A reply is being written; {@link #wrote()} marks each bit of progress. */
    public void writeStarted() {
        progressNanos = System.nanoTime();
        writing = true;
    }

    public void wrote() {
        progressNanos = System.nanoTime();
    }

    public void writeFinished() {
        writing = false;
    }

    /**
     * File content is being read from the socket's channel, which, unlike the socket's stream, has
     * no read timeout: the watchdog keeps the idle timeout for it. Ended by {@link #channelReadFinished()}.
     */
    public void channelReadStarted() {
        progressNanos = System.nanoTime();
        channelReading = true;
    }

    public void channelReadFinished() {
        channelReading = false;
    }

    /**
     * Closes the connection if a reply, or content read by channel, has made no progress for
     * {@code timeoutNanos}: a client that stops reading (or sending in the middle of a file) would
     * otherwise hold its thread and its slot forever.
     */
    public boolean closeIfStalled(long timeoutNanos) {
        if ((writing || channelReading) && System.nanoTime() - progressNanos > timeoutNanos) {
            forceClose.run();
            return true;
        }
        return false;
    }

    /** Whether a transfer is under way: a file frame expected or arriving, or a reply being written. */
    public synchronized boolean isTransferring() {
        return state.isTransferring() || writing;
    }

    /** The connection has ended, however it ended: the state lets go of what it holds. */
    public void close() {
        ConversationState last;
        synchronized (this) {
            last = state;
            state = new ConversationState.Closing();
        }
        last.end();
        Login ended = login;
        if (ended != null) {
            ended.release().run();
        }
    }

    /** How every log line names the connection; once logged in, with the account. */
    @Override
    public String toString() {
        Login current = login;
        return current == null ? label + " " + remoteAddress : label + " " + remoteAddress + " " + current.account();
    }
}
