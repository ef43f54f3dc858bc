package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Login;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;

/** {@code /whoami}: {@code whoami NAME ACCESS TRANSPORT}, NAME {@code -} before a login. */
@Component
class WhoamiCommand implements Command {

    @Override
    public Set<String> words() {
        return Set.of("/whoami");
    }

    @Override
    public boolean takesPath() {
        return false;
    }

    @Override
    public Outcome handle(Request request) {
        Login login = request.caller().login();
        return Outcome.idle(Reply.text("whoami " + (login == null ? "- read-write" : login.account() + " "
                + login.access()) + " " + (request.caller().encrypted() ? "tls" : "plaintext")));
    }
}
