package dev.fileserver.server.session;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The live sessions by connection id: registered when a connection opens, removed when it ends. */
@Component
public class SessionRegistry {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public void register(Session session) {
        sessions.put(session.connectionId(), session);
    }

    public void remove(Session session) {
        sessions.remove(session.connectionId(), session);
    }

    public Session get(String connectionId) {
        Session session = sessions.get(connectionId);
        if (session == null) {
            throw new IllegalStateException("no session for connection " + connectionId);
        }
        return session;
    }

    public Collection<Session> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }
}
