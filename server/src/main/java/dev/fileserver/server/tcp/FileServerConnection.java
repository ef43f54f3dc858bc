package dev.fileserver.server.tcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.integration.ip.tcp.connection.SocketInfo;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

import dev.fileserver.server.defense.Offence;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.SlicedOutputStream;

/**
 * A client connection with its own {@link Session}. It greets (or turns away, when the
 * {@link ConnectionGate} gives it no slot), then reads frames through a deserializer bound to its
 * session, since whether the next frame is text or a file depends on the conversation; whatever
 * ends the read loop ends the session and frees the slot.
 */
final class FileServerConnection extends TcpNetConnection implements SlotHolder {

    static final String ACCEPTED = "Connection accepted";

    static final String REJECTED = "Connection rejected: Server is at full capacity.";

    private static final Logger log = LoggerFactory.getLogger(FileServerConnection.class);

    /** Room for a reply's text frames and a file header; a download's chunks are larger and pass straight. */
    private static final int REPLY_BUFFER = 8 * 1024;

    private final Session session;

    private final ConnectionContext context;

    private final SessionFrameDeserializer deserializer;

    private final SessionReplySerializer serializer;

    private final Socket socket;

    private final InetAddress address;

    private final SocketLookahead input;

    private final Lock sendLock = new ReentrantLock();

    private final SocketInfo socketInfo;

    private volatile long acceptedNanos;

    FileServerConnection(Socket socket, ApplicationEventPublisher publisher, String factoryName,
            ConnectionContext context) {
        super(socket, true, false, publisher, factoryName);
        this.socket = socket;
        this.socketInfo = new AcceptedSocketInfo(socket);
        this.address = socket.getInetAddress();
        this.session = new Session(getConnectionId(), address.getHostAddress() + ":" + socket.getPort(), address,
                socket instanceof SSLSocket);
        this.context = context;
        this.session.onForceClose(this::close);
        this.input = lookahead(socket);
        this.session.onPeerCheck(() -> input != null && input.peerGone());
        this.deserializer = new SessionFrameDeserializer(session, context.files(), context.frameLimits(),
                context.rates(),
                () -> context.defender().record(address, Offence.PROTOCOL_ERROR), contentSource(socket));
        this.serializer = new SessionReplySerializer(session, context.metrics(), context.rates(),
                context.sendfile() ? socket.getChannel() : null);
    }

    /** Frames are read through a lookahead, so that long work can tell whether its client left. */
    @Override
    protected InputStream inputStream() throws IOException {
        if (input == null) {
            throw new IOException("the connection's socket is closed");
        }
        return input;
    }

    private static SocketLookahead lookahead(Socket socket) {
        try {
            return new SocketLookahead(socket);
        }
        catch (IOException e) {
            // closed before it was served: its first read fails and the connection ends
            return null;
        }
    }

    /** A plain connection's file content can be read by channel; a TLS one's only as a stream. */
    private SessionFrameDeserializer.ContentSource contentSource(Socket socket) {
        SocketChannel channel = socket.getChannel();
        if (channel == null || input == null) {
            return FrameReader::content;
        }
        return (reader, header) -> new ChannelContent(input, channel, header.fileLen(), session);
    }

    @Override
    public SocketInfo getSocketInfo() {
        return socketInfo;
    }

    @Override
    public Deserializer<?> getDeserializer() {
        return deserializer;
    }

    @Override
    public Serializer<?> getSerializer() {
        return serializer;
    }

    /**
     * As Spring Integration's own, but through a buffer of {@link #REPLY_BUFFER} bytes made for each
     * reply: its buffer is as large as the socket's send buffer (2 MiB on a Linux loopback), so every
     * chunk of a download would be copied into it once more; ours lets each chunk go to the socket
     * directly and still gathers a reply's small frames into one write. Made per reply, not kept,
     * because a buffer kept by each of 10,000 idle connections was most of what each one cost.
     */
    @Override
    public void send(Message<?> message) {
        sendLock.lock();
        try {
            serializer.serialize(message.getPayload(),
                    new BufferedOutputStream(new SlicedOutputStream(socket.getOutputStream()), REPLY_BUFFER));
        }
        catch (IOException | RuntimeException e) {
            MessagingException failure = new MessagingException(message, "Send failed", e);
            publishConnectionExceptionEvent(failure);
            closeConnection(true);
            throw failure;
        }
        finally {
            sendLock.unlock();
        }
    }

    @Override
    public void run() {
        if (socket instanceof SSLSocket ssl && !handshake(ssl)) {
            close();
            return;
        }
        acceptedNanos = System.nanoTime();
        if (context.gate().admit(this, session.toString()) != null) {
            greet(REJECTED);
            close();
            return;
        }
        context.sessions().register(session);
        context.metrics().connectionAccepted();
        ConnectionSlots slots = context.gate().slots();
        log.info("{} connected ({} of {} slots)", session, slots.inUse(), slots.capacity());
        try {
            if (greet(ACCEPTED)) {
                super.run();
            }
        }
        finally {
            close();
            session.close();
            context.sessions().remove(session);
            log.info("{} disconnected", session);
        }
    }

    /**
     * The slot is given back before the socket closes, so that a client that sees its connection
     * end and reconnects at once finds it free.
     */
    @Override
    public void close() {
        context.gate().slots().release(this);
        wakeChannelTransfer();
        super.close();
    }

    /**
     * A thread in {@code FileChannel.transferTo} to the socket is not one the socket's close knows
     * to wake (it does for its own reads and writes): shutting the output down first ends that
     * transfer with an error, as a close ends a blocked write, so a stalled download or a shutdown
     * does not leave the thread waiting for a client that reads nothing.
     */
    private void wakeChannelTransfer() {
        if (socket.getChannel() != null && !socket.isClosed() && !socket.isOutputShutdown()) {
            try {
                socket.shutdownOutput();
            }
            catch (IOException ignored) {
                // not connected any more: nothing is blocked on it
            }
        }
    }

    /**
     * Done before a slot is taken and within its own short timeout: a client that connects and
     * sends nothing (or speaks plaintext to the TLS port) is gone within seconds and never held a
     * slot. Otherwise the handshake would wait, unbounded by anything but the idle timeout, for the
     * greeting's first write.
     */
    private boolean handshake(SSLSocket ssl) {
        try {
            int idleTimeout = ssl.getSoTimeout();
            ssl.setSoTimeout((int) context.handshakeTimeout().toMillis());
            ssl.startHandshake();
            ssl.setSoTimeout(idleTimeout);
            log.debug("{} TLS {} {}", session, ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite());
            return true;
        }
        catch (IOException e) {
            log.info("{} TLS handshake failed: {}", session, e.getMessage());
            context.metrics().connectionRejected("tls-handshake");
            // plaintext, garbage or silence on the TLS port: the defender counts it like a broken frame
            context.defender().record(address, Offence.PROTOCOL_ERROR);
            return false;
        }
    }

    @Override
    public InetAddress address() {
        return address;
    }

    @Override
    public boolean waitingLongerThan(long nanos) {
        return !session.isAdmitted() && System.nanoTime() - acceptedNanos > nanos;
    }

    @Override
    public void evict() {
        close();
    }

    @Override
    public String toString() {
        return session.toString();
    }

    private boolean greet(String greeting) {
        try {
            send(MessageBuilder.withPayload(Reply.text(greeting)).build());
            return true;
        }
        catch (RuntimeException e) {
            log.debug("{} could not be greeted: {}", session, e.getMessage());
            return false;
        }
    }
}
