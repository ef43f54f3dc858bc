package dev.fileserver.server.session;

/**
 * A frame that could not be taken as a request or a file. {@code fatal} when the stream can no
 * longer be trusted: the error is sent, then the connection is closed.
 */
public record FrameError(String message, boolean fatal) {
}
