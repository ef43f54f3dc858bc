package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;

/** {@code /download PATH}: the type, then on {@code y} one file frame (a folder as a gzip tar). */
@Component
class DownloadCommand implements ConfirmedCommand {

    private final FileStore store;

    private final TypeTurn typeTurn;

    DownloadCommand(FileStore store, TypeTurn typeTurn) {
        this.store = store;
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/download");
    }

    @Override
    public Outcome handle(Request request) {
        return typeTurn.ask(request, store.typeOf(request.path()), this);
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        return Outcome.idle(Reply.none().then(store.openForDownload(request.path())));
    }
}
