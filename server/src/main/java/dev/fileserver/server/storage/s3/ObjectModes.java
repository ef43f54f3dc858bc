package dev.fileserver.server.storage.s3;

import java.util.Map;

/**
 * Permission bits kept as an object's user metadata ({@code x-amz-meta-mode}, octal), since an object
 * store has none of its own; an object without them (written by another tool) gets the usual default.
 */
final class ObjectModes {

    static final String KEY = "mode";

    static final int FILE_DEFAULT = 0644;

    static final int FOLDER_DEFAULT = 0755;

    private ObjectModes() {
    }

    static Map<String, String> metadata(int mode) {
        return Map.of(KEY, Integer.toOctalString(mode & 0777));
    }

    static int read(Map<String, String> metadata, int fallback) {
        String value = metadata.get(KEY);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value, 8) & 0777;
        }
        catch (NumberFormatException e) {
            return fallback;
        }
    }
}
