package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;

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
    public Outcome handle(Request request) {
        return Outcome.idle(Reply.text("capabilities " + ACK));
    }
}
