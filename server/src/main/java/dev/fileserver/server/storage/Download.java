package dev.fileserver.server.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

import dev.fileserver.wire.FileHeader;

/**
 * A file or directory ready to be sent: its header is exact before the first content byte, and
 * the content is streamed from disk when the reply is written, never held in memory.
 */
public interface Download extends Closeable {

    FileHeader header();

    /** Writes exactly {@code header().fileLen()} bytes, or fails if the source changed meanwhile. */
    void writeContent(OutputStream out) throws IOException;

    /** Releases what was opened to fix the header, whether or not the content was written. */
    @Override
    default void close() throws IOException {
    }
}
