package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;

/** {@code /exit}: {@code ok}, then the client's {@code y} ends the connection, {@code n} goes on. */
@Component
class ExitCommand implements ConfirmedCommand {

    private final TypeTurn typeTurn;

    ExitCommand(TypeTurn typeTurn) {
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/exit");
    }

    @Override
    public boolean takesPath() {
        return false;
    }

    @Override
    public Outcome handle(Request request) {
        return typeTurn.askAnyway(Reply.ok(), request, EntryType.NOT_FOUND, this);
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        return Outcome.closing(Reply.none());
    }
}
