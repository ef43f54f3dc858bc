package dev.fileserver.server.session;

import java.io.IOException;

/**
 * A frame that could not be taken as a request or a file. {@code fatal} when the stream can no
 * longer be trusted: the error is sent, then the connection is closed. {@code problem} is one of
 * the codec's exceptions, which carry their v1 text.
 */
public record FrameError(IOException problem, boolean fatal) {
}
