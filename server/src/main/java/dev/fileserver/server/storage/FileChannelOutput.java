package dev.fileserver.server.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/**
 * A download's output that can also take a file's bytes straight from its channel, so that the
 * kernel copies them to the client (sendfile) and they never pass through Java. Offered only when
 * nothing on the way needs to see the bytes (no rate to keep, no digest to take, no TLS): anything
 * that does wraps the output in a plain stream, and the download falls back to copying.
 */
public abstract class FileChannelOutput extends OutputStream {

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}, after whatever was
     * written to this output before them; returns how many were sent, fewer when the file ends
     * first (it shrank) or the channel could take no more just now (the caller copies the rest).
     */
    public abstract long transferFrom(FileChannel file, long position, long count) throws IOException;
}
