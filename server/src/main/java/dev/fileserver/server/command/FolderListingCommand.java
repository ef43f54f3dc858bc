package dev.fileserver.server.command;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.StorageException;

/**
 * {@code /list} and {@code /tree} answer with a status frame of their own before the text:
 * {@code ok}, {@code FILEError} for a missing path, {@code OSError} for any other failure.
 */
abstract class FolderListingCommand implements Command {

    private final V1Errors errors;

    private final long maxListingChars;

    FolderListingCommand(V1Errors errors, long maxListingChars) {
        this.errors = errors;
        this.maxListingChars = maxListingChars;
    }

    /** Draws the folder's listing into {@code text}, calling {@link #checkLength} as it grows. */
    abstract void render(Request request, StringBuilder text);

    @Override
    public Outcome handle(Request request) {
        try {
            StringBuilder text = new StringBuilder();
            render(request, text);
            return Outcome.idle(Reply.ok().then("ok").then(text.toString()));
        }
        catch (NotFoundException e) {
            return Outcome.idle(Reply.ok().then("FILEError").then(errors.render(e, request.displayName())));
        }
        catch (StorageException e) {
            return Outcome.idle(Reply.ok().then("OSError").then(errors.render(e, request.displayName())));
        }
    }

    /** A listing is one text frame, built in memory: past the limit it is refused, not truncated. */
    void checkLength(StringBuilder text) {
        if (text.length() > maxListingChars) {
            throw new ListingTooLongException(maxListingChars);
        }
    }

    V1Errors errors() {
        return errors;
    }
}
