package dev.fileserver.wire.digest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes a {@link Sha256Trailer} one text frame at a time, as they arrive: a conversation reads its
 * frames in turns, so the trailer cannot be read in one call. At most {@code maxEntries} names are
 * held, so a peer cannot make the reader hold more than a folder may have entries.
 */
public final class TrailerReader {

    private final int maxEntries;

    private final Map<String, String> entries = new LinkedHashMap<>();

    private Sha256Trailer trailer;

    private long framesLeft = -1;

    public TrailerReader(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Takes the next frame; returns the trailer once it is whole, null while more frames are due. */
    public Sha256Trailer accept(String frame) throws TrailerException {
        if (trailer != null) {
            throw new IllegalStateException("the trailer is already whole");
        }
        if (framesLeft < 0) {
            first(frame);
        }
        else {
            chunk(frame);
        }
        if (trailer == null && framesLeft == 0) {
            trailer = Sha256Trailer.ofEntries(entries);
        }
        return trailer;
    }

    private void first(String frame) throws TrailerException {
        if (frame.startsWith(Sha256Trailer.WHOLE)) {
            String hex = frame.substring(Sha256Trailer.WHOLE.length());
            if (!Sha256.isHex(hex)) {
                throw new TrailerException("'" + hex + "' is not a SHA-256 in lowercase hex");
            }
            trailer = Sha256Trailer.ofWhole(hex);
            return;
        }
        if (frame.startsWith(Sha256Trailer.ENTRIES)) {
            try {
                framesLeft = Long.parseLong(frame.substring(Sha256Trailer.ENTRIES.length()));
            }
            catch (NumberFormatException e) {
                framesLeft = -1;
            }
            if (framesLeft >= 0 && framesLeft <= maxEntries) {
                return;
            }
        }
        throw new TrailerException("expected 'sha256 HEX' or 'sha256-entries N', got '"
                + (frame.length() > 80 ? frame.substring(0, 80) + "..." : frame) + "'");
    }

    private void chunk(String frame) throws TrailerException {
        if (!frame.endsWith("\n")) {
            throw new TrailerException("a frame of entries does not end with a newline");
        }
        for (String line : frame.substring(0, frame.length() - 1).split("\n", -1)) {
            String[] parsed = ManifestLine.parse(line);
            if (entries.put(parsed[1], parsed[0]) != null) {
                throw new TrailerException("'" + parsed[1] + "' is named twice");
            }
            if (entries.size() > maxEntries) {
                throw new TrailerException("more than " + maxEntries + " entries");
            }
        }
        framesLeft--;
    }
}
