package dev.fileserver.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The content of one outgoing file frame: a header exact before the first content byte, then the
 * content streamed from wherever it lives.
 */
public interface FileFrameSource extends Closeable {

    FileHeader header();

    /** Writes exactly {@code header().fileLen()} bytes, or fails if the source changed meanwhile. */
    void writeContent(OutputStream out) throws IOException;

    /** Releases what was opened to fix the header, whether or not the content was written. */
    @Override
    default void close() throws IOException {
    }
}
