package dev.fileserver.server.storage;

import dev.fileserver.wire.FileFrameSource;

/**
 * A file or folder ready to be sent: its header is exact before the first content byte, and the
 * content is streamed from the store when the reply is written, never held in memory.
 */
public interface Download extends FileFrameSource {
}
