package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.RequestRefusedException;

/** {@code /delete PATH}: the type, then on {@code y} the file or the whole folder goes. */
@Component
class DeleteCommand implements Command {

    private final FileStore store;

    DeleteCommand(FileStore store) {
        this.store = store;
    }

    @Override
    public Set<String> words() {
        return Set.of("/delete");
    }

    @Override
    public Reply handle(Request request, Session session) {
        if (store.root().isRoot(request.path())) {
            throw new RequestRefusedException("Error: the root folder cannot be deleted");
        }
        EntryType type = store.typeOf(request.path());
        if (type == EntryType.NOT_FOUND) {
            return Reply.ok().then(type.wireName()).then(new NotFoundException(request.argument()).getMessage());
        }
        session.awaitAnswer(answer -> {
            if (!Answers.isYes(answer)) {
                return Reply.none();
            }
            store.delete(request.path(), request.argument());
            return Reply.text("'" + request.argument() + "' deleted successfully.");
        });
        return Reply.ok().then(type.wireName());
    }
}
