package dev.fileserver.client.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.client.ShellClientApplication;
import dev.fileserver.client.shell.ShellStreams;

/**
 * One run of the real client, in this JVM, as {@code java -jar shell-client.jar ARGS} would be:
 * what it printed on stdout and stderr, and its exit code.
 */
public record ClientRun(int exitCode, String out, String err) {

    /** A run from a script: no terminal, nothing on standard input. */
    public static ClientRun of(int port, String... args) {
        return with(port, "", false, args);
    }

    /** A run with {@code stdin} as standard input, at a terminal or not. */
    public static ClientRun with(int port, String stdin, boolean terminal, String... args) {
        List<String> all = new ArrayList<>();
        all.add("--fileserver.port=" + port);
        all.add("--fileserver.read-timeout=10s");
        all.addAll(List.of(args));
        return exactly(stdin, terminal, all.toArray(String[]::new));
    }

    /** A run with exactly {@code args}, nothing added. */
    public static ClientRun exactly(String stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellStreams streams = new ShellStreams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal);
        int code = ShellClientApplication.run(streams, args);
        return new ClientRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
