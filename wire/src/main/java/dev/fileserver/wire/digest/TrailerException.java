package dev.fileserver.wire.digest;

import dev.fileserver.wire.ProtocolException;

/** The frames after a file's content are not the digest trailer its header announced. */
public class TrailerException extends ProtocolException {

    public TrailerException(String problem) {
        super("Error: malformed digest trailer: " + problem);
    }
}
