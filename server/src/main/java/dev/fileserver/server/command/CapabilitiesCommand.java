package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;

/**
 * {@code /capabilities}: our extensions, announced only to a client that asks. A v1 server
 * answers {@code ok} to this unknown command, which is how our client tells the two apart.
 */
@Component
class CapabilitiesCommand implements Command {

    static final String ACK = "ack";

    @Override
    public Set<String> words() {
        return Set.of("/capabilities");
    }

    @Override
    public boolean takesPath() {
        return false;
    }

    @Override
    public Reply handle(Request request, Session session) {
        return Reply.text("capabilities " + ACK);
    }
}
