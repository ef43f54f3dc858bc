package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.Usage;

/** {@code /delete PATH}: the type, then on {@code y} the file or the whole folder goes. */
@Component
class DeleteCommand implements ConfirmedCommand {

    private final TypeTurn typeTurn;

    DeleteCommand(TypeTurn typeTurn) {
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/delete");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Outcome handle(Request request) {
        if (request.path().isRoot()) {
            throw new RootNotDeletableException();
        }
        return typeTurn.ask(request, request.store().typeOf(request.path()), this);
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        // what goes is walked first, to give it back to the quotas
        Usage gone = request.usage().measure(request.path());
        request.store().delete(request.path());
        request.usage().record(request.path(), Usage.NONE.minus(gone));
        return Outcome.idle(Reply.text("'" + request.argument() + "' deleted successfully."));
    }
}
