package dev.fileserver.server.session;

import java.io.IOException;
import java.io.InputStream;

import dev.fileserver.wire.FileHeader;

/**
 * Takes the content of a file frame the conversation expects, as a stream bounded to the header's
 * length, and returns the message for the conversation's next turn. An {@link IOException} means
 * the connection failed; whatever was received is then gone.
 */
public interface FileFrameReceiver {

    Object receive(FileHeader header, InputStream content, Session session) throws IOException;
}
