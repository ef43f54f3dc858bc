package dev.fileserver.server.command;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;

/** A command that asks the client first and acts only on its {@code y}. */
interface ConfirmedCommand extends Command {

    /** The client said {@code y} to the question about a path that was {@code asked} at the time. */
    Outcome confirmed(Request request, EntryType asked);

    /** Anything but {@code y}, a command word included, declines: nothing happens, nothing is sent. */
    default Outcome declined(Request request, String answer) {
        return Outcome.idle(Reply.none());
    }
}
