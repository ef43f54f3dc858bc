package dev.fileserver.server.tcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.wire.Transfer;

/**
 * A client connection with its own {@link Session}. It greets (or turns away, when every slot is
 * taken), then reads frames through a deserializer bound to its session, since whether the next
 * frame is text or a file depends on the conversation; whatever ends the read loop ends the
 * session and frees the slot.
 */
final class FileServerConnection extends TcpNetConnection {

    static final String ACCEPTED = "Connection accepted";

    static final String REJECTED = "Connection rejected: Server is at full capacity.";

    private static final Logger log = LoggerFactory.getLogger(FileServerConnection.class);

    private final Session session;

    private final ConnectionContext context;

    private final SessionFrameDeserializer deserializer;

    private final SessionReplySerializer serializer;

    private final Socket socket;

    private final SocketLookahead input;

    private final Lock sendLock = new ReentrantLock();

    private OutputStream socketOutput;

    private final AtomicBoolean holdsSlot = new AtomicBoolean();

    FileServerConnection(Socket socket, ApplicationEventPublisher publisher, String factoryName,
            ConnectionContext context) {
        super(socket, true, false, publisher, factoryName);
        this.socket = socket;
        this.session = new Session(getConnectionId(), socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
        this.context = context;
        this.session.onForceClose(this::close);
        this.input = lookahead(socket);
        this.session.onPeerCheck(() -> input != null && input.peerGone());
        this.deserializer = new SessionFrameDeserializer(session, context.files(), context.frameLimits());
        this.serializer = new SessionReplySerializer(session, context.metrics());
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

    @Override
    public Deserializer<?> getDeserializer() {
        return deserializer;
    }

    @Override
    public Serializer<?> getSerializer() {
        return serializer;
    }

    /**
     * As Spring Integration's own, but through a buffer of {@link Transfer#BUFFER_SIZE}: its buffer
     * is as large as the socket's send buffer (2 MiB on a Linux loopback), so every chunk of a
     * download would be copied into it once more; ours lets each chunk go to the socket directly and
     * still gathers a reply's small frames into one write.
     */
    @Override
    public void send(Message<?> message) {
        sendLock.lock();
        try {
            if (socketOutput == null) {
                socketOutput = new BufferedOutputStream(socket.getOutputStream(), Transfer.BUFFER_SIZE);
            }
            serializer.serialize(message.getPayload(), socketOutput);
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
        ConnectionSlots slots = context.slots();
        if (!slots.tryAcquire()) {
            log.info("{} rejected: all {} client slots are taken", session, slots.capacity());
            context.metrics().connectionRejected();
            greet(REJECTED);
            close();
            return;
        }
        holdsSlot.set(true);
        context.sessions().register(session);
        context.metrics().connectionAccepted();
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
        if (holdsSlot.compareAndSet(true, false)) {
            context.slots().release();
        }
        super.close();
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
