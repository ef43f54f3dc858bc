package dev.fileserver.client.progress;

import java.time.Duration;

/** What a finished transfer moved, for the line printed at its end. */
public record TransferSummary(String verb, String name, String where, long bytes, Duration elapsed) {

    /** e.g. {@code Downloaded 'photos' to ./photos: 1.0 GiB in 3.2 s (320.0 MiB/s)} */
    public String line() {
        return verb + " '" + name + "' " + where + ": " + Sizes.bytes(bytes) + " in " + Sizes.duration(elapsed)
                + " (" + Sizes.rate(bytes, elapsed) + ")";
    }
}
