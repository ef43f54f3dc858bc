package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;

/** {@code /exit}: {@code ok}, then the client's {@code y} ends the connection, {@code n} goes on. */
@Component
class ExitCommand implements Command {

    @Override
    public Set<String> words() {
        return Set.of("/exit");
    }

    @Override
    public boolean takesPath() {
        return false;
    }

    @Override
    public Reply handle(Request request, Session session) {
        session.awaitAnswer(answer -> {
            if (Answers.isYes(answer)) {
                session.requestClose();
            }
            return Reply.none();
        });
        return Reply.ok();
    }
}
