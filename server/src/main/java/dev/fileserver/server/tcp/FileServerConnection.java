package dev.fileserver.server.tcp;

import java.net.Socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.messaging.support.MessageBuilder;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.FileStore;

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

    private final SessionRegistry sessions;

    private final ConnectionSlots slots;

    private final SessionFrameDeserializer deserializer;

    private final SessionReplySerializer serializer;

    private final FileServerMetrics metrics;

    FileServerConnection(Socket socket, ApplicationEventPublisher publisher, String factoryName,
            SessionRegistry sessions, ConnectionSlots slots, FileStore store, TcpLimits limits,
            FileServerMetrics metrics) {
        super(socket, true, false, publisher, factoryName);
        this.session = new Session(getConnectionId(), socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
        this.sessions = sessions;
        this.slots = slots;
        this.metrics = metrics;
        this.session.onForceClose(this::close);
        this.deserializer = new SessionFrameDeserializer(session, store, limits, metrics);
        this.serializer = new SessionReplySerializer(session, metrics);
    }

    @Override
    public Deserializer<?> getDeserializer() {
        return deserializer;
    }

    @Override
    public Serializer<?> getSerializer() {
        return serializer;
    }

    @Override
    public void run() {
        if (!slots.tryAcquire()) {
            log.info("{} rejected: all {} client slots are taken", session, slots.capacity());
            metrics.connectionRejected();
            greet(REJECTED);
            close();
            return;
        }
        sessions.register(session);
        metrics.connectionAccepted();
        log.info("{} connected ({} of {} slots)", session, slots.inUse(), slots.capacity());
        try {
            if (greet(ACCEPTED)) {
                super.run();
            }
        }
        finally {
            close();
            session.close();
            sessions.remove(session);
            slots.release();
            log.info("{} disconnected", session);
        }
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
