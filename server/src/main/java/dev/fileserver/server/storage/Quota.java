package dev.fileserver.server.storage;

/**
 * How much a folder may hold: bytes and files, each null for no limit.
 */
public record Quota(Long bytes, Long files) {

    public static final Quota NONE = new Quota(null, null);

    public boolean limited() {
        return bytes != null || files != null;
    }

    /** Bytes still free under this quota when {@code used} are taken; {@link Long#MAX_VALUE} without a limit. */
    long bytesLeft(Usage used) {
        return bytes == null ? Long.MAX_VALUE : bytes - used.bytes();
    }

    long filesLeft(Usage used) {
        return files == null ? Long.MAX_VALUE : files - used.files();
    }
}
