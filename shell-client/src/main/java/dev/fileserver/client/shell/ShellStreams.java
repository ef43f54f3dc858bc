package dev.fileserver.client.shell;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a run reads and writes: results on {@code out}, errors, prompts and the progress bar on
 * {@code err}. {@code terminal} says whether a person is at the other end, to ask and to draw.
 */
public record ShellStreams(InputStream in, PrintStream out, PrintStream err, boolean terminal) {

    public static ShellStreams system() {
        return new ShellStreams(System.in, System.out, System.err, System.console() != null);
    }
}
