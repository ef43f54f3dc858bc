package dev.fileserver.server.command;

import java.util.Set;

import dev.fileserver.server.session.Outcome;

/**
 * One v1 command: its words, and what it answers with the state it leaves the conversation in.
 * Handlers return outcomes and never touch sockets or the session.
 */
interface Command {

    /** The request words it answers, e.g. {@code /list} and {@code /ls}. */
    Set<String> words();

    /** Whether the argument is a path to confine to the root before the command sees it. */
    default boolean takesPath() {
        return true;
    }

    /**
     * Whether it changes what is stored: a read-only account is refused it at its path check, with
     * the v1 permission error.
     */
    default boolean writes() {
        return false;
    }

    Outcome handle(Request request);
}
