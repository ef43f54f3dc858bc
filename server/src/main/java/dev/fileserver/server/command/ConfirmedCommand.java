package dev.fileserver.server.command;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;

/** A command that asks the client first and acts only on its {@code y}. */
interface ConfirmedCommand extends Command {

    /** The client said {@code y}. */
    Outcome confirmed(Request request);

    /**
     * The client said {@code y} with extension options. A command that takes none declines, as
     * it declined every answer but {@code y} before the extensions.
     */
    default Outcome confirmed(Request request, AnswerOptions options) {
        return declined(request, options.answer());
    }

    /** Anything but {@code y}, a command word included, declines: nothing happens, nothing is sent. */
    default Outcome declined(Request request, String answer) {
        return Outcome.idle(Reply.none());
    }
}
