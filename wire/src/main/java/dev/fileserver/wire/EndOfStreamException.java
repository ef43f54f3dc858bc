package dev.fileserver.wire;

import java.io.EOFException;

/** The peer closed the connection cleanly, between two frames. */
public class EndOfStreamException extends EOFException {

    public EndOfStreamException() {
        super("connection closed by peer");
    }
}
