package dev.fileserver.server.config;

/**
 * How file content moves on the plain (non-TLS) listener. Channels keep the bytes of an upload out
 * of the heap and let a download go by sendfile; streams are what every connection used before and
 * what TLS connections always use.
 */
public enum PlainTransfers {

    /** Through the socket's streams, in 1 MiB reads and writes. */
    STREAMS,

    /** Uploads read by the socket's channel into a direct buffer; downloads as with streams. */
    CHANNEL,

    /** As {@link #CHANNEL}, and downloads by {@code FileChannel.transferTo} (sendfile) when nothing needs to see the bytes. */
    SENDFILE;

    /** Whether the listener's sockets need a channel under them. */
    public boolean usesChannels() {
        return this != STREAMS;
    }
}
