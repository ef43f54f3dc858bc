package dev.fileserver.server.command;

import java.nio.file.Path;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.RequestRefusedException;

/**
 * {@code /list} and {@code /tree} answer with a status frame of their own before the text:
 * {@code ok}, {@code FILEError} for a missing path, {@code OSError} for any other failure.
 */
abstract class FolderListingCommand implements Command {

    protected final FileStore store;

    FolderListingCommand(FileStore store) {
        this.store = store;
    }

    abstract String render(Path folder, String clientPath);

    @Override
    public Reply handle(Request request, Session session) {
        try {
            String text = render(request.path(), request.displayName());
            return Reply.ok().then("ok").then(text);
        }
        catch (NotFoundException e) {
            return Reply.ok().then("FILEError").then(e.getMessage());
        }
        catch (RequestRefusedException e) {
            return Reply.ok().then("OSError").then(e.getMessage());
        }
    }
}
