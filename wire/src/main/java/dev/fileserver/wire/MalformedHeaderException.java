package dev.fileserver.wire;

/** A file frame's JSON header is not valid JSON or lacks a well-typed v1 key. */
public class MalformedHeaderException extends ProtocolException {

    public MalformedHeaderException(String message) {
        super("Error: malformed file header: " + message);
    }
}
