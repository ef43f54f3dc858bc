package dev.fileserver.server.command;

import java.nio.file.Path;

/**
 * A parsed request: the command word, the argument as the client sent it (everything after the
 * first space, so it may contain spaces), and that argument resolved inside the root.
 */
record Request(String word, String argument, Path path) {

    static Request parse(String text) {
        int space = text.indexOf(' ');
        return space < 0
                ? new Request(text, "", null)
                : new Request(text.substring(0, space), text.substring(space + 1), null);
    }

    Request withPath(Path resolved) {
        return new Request(word, argument, resolved);
    }

    /** How the path is named back to the client: as it typed it, or the root's own name. */
    String displayName() {
        return argument.isEmpty() && path != null && path.getFileName() != null
                ? path.getFileName().toString()
                : argument;
    }
}
