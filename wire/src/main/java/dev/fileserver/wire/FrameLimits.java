package dev.fileserver.wire;

/**
 * Bounds on what a peer may make us read into memory: a text frame and a file frame's JSON header
 * are held whole, so each has a ceiling; a file frame's content is streamed and has none here.
 */
public record FrameLimits(int maxTextFrameBytes, int maxHeaderBytes) {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    public static final FrameLimits DEFAULT = new FrameLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES);

    public FrameLimits {
        if (maxTextFrameBytes < 1 || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("frame limits must be positive");
        }
    }
}
