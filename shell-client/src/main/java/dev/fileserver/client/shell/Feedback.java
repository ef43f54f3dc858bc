package dev.fileserver.client.shell;

import dev.fileserver.client.progress.ProgressBar;
import dev.fileserver.client.progress.TransferProgress;

/** What a transfer shows while it runs: a progress bar on a terminal, nothing in a script. */
public final class Feedback {

    private final ShellStreams streams;

    public Feedback(ShellStreams streams) {
        this.streams = streams;
    }

    public TransferProgress progress() {
        return streams.terminal() ? new ProgressBar(streams.err(), System::nanoTime) : TransferProgress.NONE;
    }
}
