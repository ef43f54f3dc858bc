package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.auth.Authenticator;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.FileStore;

/**
 * {@code /capabilities}: our extensions, announced only to a client that asks. A v1 server
 * answers {@code ok} to this unknown command, which is how our client tells the two apart. Every
 * word is documented in docs/PROTOCOL-EXTENSIONS.md; {@code atomic-rename} is offered only by a
 * store that renames in one step, {@code login} only by a server with accounts, and
 * {@code login-required} only by one that serves nobody before a login.
 */
@Component
class CapabilitiesCommand implements Command {

    static final String ACK = "ack";

    static final String WORDS = ACK + " sha256 resume list-long tree-long stat mkdir rename quota";

    private final FileStore store;

    private final Authenticator logins;

    CapabilitiesCommand(FileStore store, Authenticator logins) {
        this.store = store;
        this.logins = logins;
    }

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
        return Outcome.idle(Reply.text("capabilities " + WORDS
                + (store.guarantees().atomicRename() ? " atomic-rename" : "")
                + (logins.offered() ? " login" : "") + (logins.required() ? " login-required" : "")));
    }
}
