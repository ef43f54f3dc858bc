package dev.fileserver.wire;

/** The stream ended inside a frame: the peer went away or sent less than it announced. */
public class TruncatedFrameException extends ProtocolException {

    public TruncatedFrameException(String what, long expected, long received) {
        super("Error: connection ended after " + received + " of " + expected + " bytes of " + what);
    }
}
