package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * The raw baseline server in a process of its own, its output to a log file (a pipe the harness
 * had to drain could slow it down); it prints the port it listens on.
 */
final class RawServerProcess implements AutoCloseable {

    private final Process process;

    private final Path log;

    private RawServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the raw baseline server on {@code root}, on a free port; returns at once. */
    static RawServerProcess launch(Path root, Path log) throws IOException {
        return launch(log, RawServer.class, root.toString());
    }

    /** Starts the baseline server {@code main}, which prints its port as {@link RawServer} does; returns at once. */
    static RawServerProcess launch(Path log, Class<?> main, String... args) throws IOException {
        Path root = Path.of(args[0]);
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-cp", Java.classPath(), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(root.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        return new RawServerProcess(process, log);
    }

    /** Waits for the line that names the listening port. */
    int awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher matcher = RawServer.LISTENING.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IOException("the raw server did not start listening; its output:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
