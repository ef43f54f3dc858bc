package dev.fileserver.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * A file server running in a process of its own, started by a {@link ServerLauncher}, for what an
 * in-process server cannot show: a small heap, a signal, {@code kill -9}, resident memory, the jar
 * as users run it. Closing it stops it as a service manager would, then removes its folder.
 */
public final class ServerProcess implements AutoCloseable {

    /** Beyond the default shutdown grace period (30 s) of transfers in progress. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(45);

    private final Process process;

    private final Path folder;

    private final Path output;

    private final PortFile ports;

    ServerProcess(Process process, Path folder, Path output, PortFile ports) {
        this.process = process;
        this.folder = folder;
        this.output = output;
        this.ports = ports;
    }

    /** The file service's port. */
    public int tcpPort() {
        return ports.tcp();
    }

    /** The TLS listener's port; 0 when TLS is off. */
    public int tlsPort() {
        return ports.tls();
    }

    /** The actuator's HTTP port. */
    public int httpPort() {
        return ports.http();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The high-water mark of the server's resident memory so far. */
    public long peakResidentBytes() throws IOException {
        return ProcessMemory.peakResidentBytes(pid());
    }

    /** Every line the server has printed so far, stdout and stderr together. */
    public List<String> output() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the server printed, for an error message. */
    public String outputTail() {
        return tail(output);
    }

    static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(its output cannot be read: " + e + ")";
        }
    }

    /** SIGTERM, as an operator or a service manager stops it; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not exit; its output:\n" + outputTail());
        }
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook, no clean-up, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then {@code kill -9} if it has not stopped in time; then its folder (port file, output) goes. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
        RecursiveDelete.deleteQuietly(folder);
    }
}
