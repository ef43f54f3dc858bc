package dev.fileserver.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fileserver.server.FileServerApplication;

/**
 * The server in a JVM of its own (same classpath as the tests), for what an in-process server
 * cannot show: a small heap, {@code kill -9}, resident memory.
 */
public final class ForkedServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("File service listening on [^:]+:(\\d+)");

    private final Process process;

    private final int port;

    private final List<String> output;

    private final Thread pump;

    private ForkedServer(Process process, int port, List<String> output, Thread pump) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.pump = pump;
    }

    public static ForkedServer start(Path root, List<String> jvmOptions, String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FileServerApplication.class.getName());
        command.add("--fileserver.root=" + root);
        command.add("--fileserver.port=0");
        command.add("--server.port=0");
        command.addAll(List.of(properties));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("server exited before listening"));
        }, "forked-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ForkedServer(process, port.get(60, TimeUnit.SECONDS), output, pump);
        }
        catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("forked server did not start: " + String.join("\n", output), e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory of the server process now, from /proc. */
    public long residentBytes() throws IOException {
        return procStatusKilobytes("VmRSS:") * 1024;
    }

    /** Peak resident memory of the server process so far, from /proc. */
    public long peakResidentBytes() throws IOException {
        return procStatusKilobytes("VmHWM:") * 1024;
    }

    private long procStatusKilobytes(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(key + " not in /proc status");
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGTERM, as an operator or a service manager stops it; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not exit: " + String.join("\n", output()));
        }
        pump.join(10_000);
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook, no cleanup, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
