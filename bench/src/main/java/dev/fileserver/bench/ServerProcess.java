package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a process of its own (the file server as a user runs it, or the raw baseline) whose
 * output goes to a log file: a pipe the harness had to drain could slow the server down.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern FILE_SERVER_LISTENING = Pattern.compile("File service listening on [^:\\s]+:(\\d+)");

    private final Process process;

    private final Path log;

    private final Pattern listening;

    private ServerProcess(Process process, Path log, Pattern listening) {
        this.process = process;
        this.log = log;
        this.listening = listening;
    }

    /**
     * Starts the server on {@code root}; {@code port} 0 picks a free one. Returns at once: use
     * {@link #awaitPort()} or poll the port. The working directory is the root's parent, so the
     * repository's {@code config/} is not picked up.
     */
    static ServerProcess launch(Path jar, Path root, int port, List<String> jvmOptions, List<String> properties,
            Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Java.executable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--fileserver.root=" + root);
        command.add("--fileserver.port=" + port);
        command.add("--server.port=0");
        command.addAll(properties);
        return new ServerProcess(start(command, root.getParent(), log), log, FILE_SERVER_LISTENING);
    }

    /** Starts the raw baseline server on {@code root}, on a free port. */
    static ServerProcess launchRaw(Path root, Path log) throws IOException {
        List<String> command = List.of(Java.executable(), "-cp", Java.classPath(), RawServer.class.getName(),
                root.toString());
        return new ServerProcess(start(command, root.getParent(), log), log, RawServer.LISTENING);
    }

    private static Process start(List<String> command, Path directory, Path log) throws IOException {
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    /** Waits for the line that names the listening port. */
    int awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IOException("the server did not start listening; its output:\n" + tail());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's output, for an error message. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** SIGTERM, then a kill if it has not stopped after its grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
