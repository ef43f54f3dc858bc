package dev.fileserver.client.shell;

import java.time.ZoneId;

import dev.fileserver.client.listing.EntryFormat;
import dev.fileserver.client.progress.ProgressBar;
import dev.fileserver.client.progress.TransferProgress;

/**
 * What a command shows for a person or a script: a progress bar on a terminal, nothing in a
 * script; listings in human units on a terminal, exact in a script.
 */
public final class Feedback {

    private final ShellStreams streams;

    public Feedback(ShellStreams streams) {
        this.streams = streams;
    }

    public TransferProgress progress() {
        return streams.terminal() ? new ProgressBar(streams.err(), System::nanoTime) : TransferProgress.NONE;
    }

    public EntryFormat entryFormat() {
        return new EntryFormat(streams.terminal(), ZoneId.systemDefault());
    }
}
