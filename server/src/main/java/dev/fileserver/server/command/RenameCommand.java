package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.ConversationState.AwaitingAnswer;
import dev.fileserver.server.session.ConversationState.PendingAnswer;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.InvalidMoveException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Usage;
import dev.fileserver.server.storage.UsageLedger;

/**
 * {@code /rename FROM}: as {@code /delete} up to the type ({@code file}, {@code dir} or
 * {@code not_found} and the error); the client's next frame is the new path, which may hold spaces
 * as FROM may, and is confined like it. Then {@code 'FROM' renamed to 'TO'.} or one error frame. An
 * empty answer renames nothing and gets no reply, as {@code n} does.
 */
@Component
class RenameCommand implements Command {

    private final V1Errors errors;

    RenameCommand(V1Errors errors) {
        this.errors = errors;
    }

    /** Within one quota's folder a rename changes no count; out of it, what moves must fit where it goes. */
    private static void rename(FileStore store, UsageLedger ledger, StoragePath from, StoragePath to) {
        if (ledger.sameScopes(from, to) || to.isRoot()) {
            store.rename(from, to);
            return;
        }
        Usage moving = ledger.measure(from);
        ledger.check(to.parent(), to.name(), moving);
        store.rename(from, to);
        ledger.moved(from, to, moving);
    }

    @Override
    public Set<String> words() {
        return Set.of("/rename");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Outcome handle(Request request) {
        if (request.path().isRoot()) {
            throw new InvalidMoveException(request.path(), request.path());
        }
        EntryType type = request.store().typeOf(request.path());
        if (type == EntryType.NOT_FOUND) {
            return Outcome.idle(Reply.ok().then(TypeTurn.NOT_FOUND)
                    .then(errors.render(new NotFoundException(request.path()), request.displayName())));
        }
        return Outcome.then(Reply.ok().then(type == EntryType.DIRECTORY ? TypeTurn.DIRECTORY : TypeTurn.FILE),
                new AwaitingAnswer(new NewName(request)));
    }

    /** The question of a rename: the new path. */
    private final class NewName implements PendingAnswer {

        private final Request request;

        NewName(Request request) {
            this.request = request;
        }

        @Override
        public Outcome answer(String text) {
            if (text.isEmpty()) {
                return Outcome.idle(Reply.none());
            }
            try {
                StoragePath to = StoragePath.parse(text);
                FileStore store = request.store();
                store.confine(to);
                rename(store, request.usage(), request.path(), to);
            }
            catch (StorageException e) {
                // either path may be at fault: each refusal names its own
                return Outcome.idle(Reply.text(errors.render(e, null)));
            }
            return Outcome.idle(Reply.text("'" + request.argument() + "' renamed to '" + text + "'."));
        }

        @Override
        public String clientPath() {
            return request.displayName();
        }

        @Override
        public String toString() {
            return "NewName['" + request.argument() + "']";
        }
    }
}
