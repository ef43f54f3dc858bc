package dev.fileserver.client.progress;

import java.time.Duration;
import java.util.List;

/**
 * What a finished transfer moved, for the line printed at its end; {@code notes} say what else
 * happened (resumed, digest verified), in order.
 */
public record TransferSummary(String verb, String name, String where, long bytes, Duration elapsed,
        List<String> notes) {

    public TransferSummary {
        notes = List.copyOf(notes);
    }

    public TransferSummary(String verb, String name, String where, long bytes, Duration elapsed) {
        this(verb, name, where, bytes, elapsed, List.of());
    }

    /** e.g. {@code Downloaded 'photos' to ./photos: 1.0 GiB in 3.2 s (320.0 MiB/s), SHA-256 verified} */
    public String line() {
        return verb + " '" + name + "' " + where + ": " + Sizes.bytes(bytes) + " in " + Sizes.duration(elapsed)
                + " (" + Sizes.rate(bytes, elapsed) + ")" + (notes.isEmpty() ? "" : ", " + String.join(", ", notes));
    }
}
