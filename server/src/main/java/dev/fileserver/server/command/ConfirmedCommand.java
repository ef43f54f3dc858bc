package dev.fileserver.server.command;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;

/** A command that asks the client first and acts only on its {@code y}. */
interface ConfirmedCommand extends Command {

    /** The client said {@code y} to the question about a path that was {@code asked} at the time. */
    Outcome confirmed(Request request, EntryType asked);

    /**
     * The client said {@code y} with extension options. A command that takes none declines, as
     * it declined every answer but {@code y} before the extensions.
     */
    default Outcome confirmed(Request request, EntryType asked, AnswerOptions options) {
        return declined(request, options.answer());
    }

    /** Anything but {@code y}, a command word included, declines: nothing happens, nothing is sent. */
    default Outcome declined(Request request, String answer) {
        return Outcome.idle(Reply.none());
    }
}
