package dev.fileserver.wire;

import java.io.IOException;

/**
 * A text frame arrived whole but is not UTF-8. The framing is intact, so the conversation can go
 * on after an error reply.
 */
public class InvalidTextException extends IOException {

    public InvalidTextException() {
        super("Error: request is not valid UTF-8 text");
    }
}
