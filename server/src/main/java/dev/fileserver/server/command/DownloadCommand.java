package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotFoundException;

/** {@code /download PATH}: the type, then on {@code y} one file frame (a folder as a gzip tar). */
@Component
class DownloadCommand implements Command {

    private final FileStore store;

    DownloadCommand(FileStore store) {
        this.store = store;
    }

    @Override
    public Set<String> words() {
        return Set.of("/download");
    }

    @Override
    public Reply handle(Request request, Session session) {
        EntryType type = store.typeOf(request.path());
        if (type == EntryType.NOT_FOUND) {
            return Reply.ok().then(type.wireName()).then(new NotFoundException(request.argument()).getMessage());
        }
        session.awaitAnswer(answer -> Answers.isYes(answer)
                ? Reply.none().then(store.openForDownload(request.path(), request.displayName()))
                : Reply.none());
        return Reply.ok().then(type.wireName());
    }
}
