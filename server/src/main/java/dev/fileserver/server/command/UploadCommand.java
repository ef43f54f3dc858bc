package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.ConversationState.AwaitingFile;
import dev.fileserver.server.session.ConversationState.AwaitingLocalPath;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;

/**
 * {@code /upload [DIR]}: the type of DIR, then the client's {@code y} and one file frame, its
 * {@code n}, or {@code error} and the local path it could not read.
 */
@Component
class UploadCommand implements ConfirmedCommand {

    private final FileStore store;

    private final TypeTurn typeTurn;

    UploadCommand(FileStore store, TypeTurn typeTurn) {
        this.store = store;
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/upload");
    }

    @Override
    public Outcome handle(Request request) {
        EntryType type = store.typeOf(request.path());
        if (type == EntryType.DIRECTORY) {
            return typeTurn.ask(request, type, this);
        }
        return typeTurn.askDespite(type == EntryType.FILE
                ? new NotADirectoryException(request.path())
                : new NotFoundException(request.path()), request, type, this);
    }

    /**
     * Where the file goes was settled when the client was told the folder's type: its frame comes
     * whatever happens meanwhile, and the store checks the folder again when the frame arrives.
     */
    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        return Outcome.then(Reply.none(), new AwaitingFile(asked == EntryType.DIRECTORY
                ? UploadTarget.into(request.path(), request.argument())
                : UploadTarget.discarded(request.path(), request.argument())));
    }

    @Override
    public Outcome declined(Request request, String answer) {
        // the client could not read its local file and names it in one more frame
        return "error".equals(answer) ? Outcome.then(Reply.none(), new AwaitingLocalPath())
                : Outcome.idle(Reply.none());
    }
}
