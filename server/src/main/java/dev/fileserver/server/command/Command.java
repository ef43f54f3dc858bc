package dev.fileserver.server.command;

import java.util.Set;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;

/** One v1 command: its words, and what it answers. Handlers return replies and never touch sockets. */
interface Command {

    /** The request words it answers, e.g. {@code /list} and {@code /ls}. */
    Set<String> words();

    /** Whether the argument is a path to confine to the root before the command sees it. */
    default boolean takesPath() {
        return true;
    }

    Reply handle(Request request, Session session);
}
