package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.ExpectedUpload;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotFoundException;

/**
 * {@code /upload [DIR]}: the type of DIR, then the client's {@code y} and one file frame, its
 * {@code n}, or {@code error} and the local path it could not read.
 */
@Component
class UploadCommand implements Command {

    private final FileStore store;

    UploadCommand(FileStore store) {
        this.store = store;
    }

    @Override
    public Set<String> words() {
        return Set.of("/upload");
    }

    @Override
    public Reply handle(Request request, Session session) {
        EntryType type = store.typeOf(request.path());
        boolean folderExists = type == EntryType.DIRECTORY;
        session.awaitAnswer(answer -> {
            if (Answers.isYes(answer)) {
                session.expectUpload(folderExists
                        ? ExpectedUpload.into(request.path(), request.argument())
                        : ExpectedUpload.discarded(request.argument()));
            }
            else if ("error".equals(answer)) {
                // the client could not read its local file and names it in one more frame
                session.awaitAnswer(localPath -> Reply.none());
            }
            return Reply.none();
        });
        if (folderExists) {
            return Reply.ok().then(type.wireName());
        }
        String message = type == EntryType.FILE
                ? "Error: '" + request.argument() + "' is not a directory"
                : new NotFoundException(request.argument()).getMessage();
        return Reply.ok().then(EntryType.NOT_FOUND.wireName()).then(message);
    }
}
