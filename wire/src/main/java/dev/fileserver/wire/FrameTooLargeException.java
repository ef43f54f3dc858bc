package dev.fileserver.wire;

/** A length header announced more bytes than the configured limit allows to hold in memory. */
public class FrameTooLargeException extends ProtocolException {

    public FrameTooLargeException(String what, long announced, long limit) {
        super("Error: " + what + " of " + announced + " bytes exceeds the limit of " + limit + " bytes");
    }
}
