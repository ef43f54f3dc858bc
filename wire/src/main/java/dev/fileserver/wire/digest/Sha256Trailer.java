package dev.fileserver.wire.digest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text frames that follow a file frame's content when its header says {@code "digest":
 * "sha256"}: for a file, one frame {@code sha256 HEX}; for a folder, {@code sha256-entries N}
 * and then N frames of lines in {@code sha256sum} format, one per file, named as in the tarball.
 * Each of those frames stays under {@link #MAX_FRAME_CHARS}, far below any peer's text limit.
 *
 * @param whole   the content's digest, for a file (or a folder whose sender hashed the tarball)
 * @param entries for a folder, each file's digest by its name in the tarball; empty for a file
 */
public record Sha256Trailer(String whole, Map<String, String> entries) {

    public static final int MAX_FRAME_CHARS = 32 * 1024;

    static final String WHOLE = "sha256 ";

    static final String ENTRIES = "sha256-entries ";

    public Sha256Trailer {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Sha256Trailer ofWhole(String hex) {
        return new Sha256Trailer(hex, Map.of());
    }

    public static Sha256Trailer ofEntries(Map<String, String> entries) {
        return new Sha256Trailer(null, entries);
    }

    public boolean isPerEntry() {
        return whole == null;
    }

    /** The trailer as the text frames to send, in order. */
    public List<String> frames() {
        if (!isPerEntry()) {
            return List.of(WHOLE + whole);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String line = ManifestLine.format(entry.getValue(), entry.getKey());
            if (chunk.length() > 0 && chunk.length() + line.length() > MAX_FRAME_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(line);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        List<String> frames = new ArrayList<>(chunks.size() + 1);
        frames.add(ENTRIES + chunks.size());
        frames.addAll(chunks);
        return frames;
    }
}
