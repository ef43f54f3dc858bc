package dev.fileserver.client.connection;

import java.io.IOException;

import dev.fileserver.client.LocalFileException;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.InvalidTextException;
import dev.fileserver.wire.ProtocolException;

/**
 * Whose failure an I/O error during a transfer is. Copying between the socket and a local file
 * mixes both in one loop, and only the link's failures (its streams, or a peer breaking the
 * protocol) leave the server at an unknown step.
 */
final class LinkFailures {

    private LinkFailures() {
    }

    static boolean isLinkFailure(IOException e) {
        return e instanceof SocketStreams.LinkBrokenException || e instanceof ProtocolException
                || e instanceof EndOfStreamException || e instanceof InvalidTextException;
    }

    /** The local file's failure: the transfer stopped halfway, so the link is not reused. */
    static LocalFileException localFile(IOException e, String localContext) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new LocalFileException("Error: " + localContext + ": " + reason, e, false);
    }
}
