package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import dev.fileserver.wire.Transfer;

/**
 * A baseline by a command-line tool listening on loopback, one connection per run: the tool
 * serves or stores the file, the harness is the other end with the same 64 KiB copies as ever.
 * The clock starts at the connection that the tool accepted, not while it was starting.
 */
final class ExternalCopy {

    /** A measured copy: how long it took, and what arrived at the harness's end (when it was the receiver). */
    record Timed(long nanos, Checksummed received) {
    }

    private final String name;

    private final BiFunction<Path, Integer, List<String>> serve;

    private final BiFunction<Path, Integer, List<String>> store;

    private final boolean serveFromStdin;

    private ExternalCopy(String name, BiFunction<Path, Integer, List<String>> serve,
            BiFunction<Path, Integer, List<String>> store, boolean serveFromStdin) {
        this.name = name;
        this.serve = serve;
        this.store = store;
        this.serveFromStdin = serveFromStdin;
    }

    /** socat with 64 KiB blocks and OpenBSD nc (whose {@code -N} and {@code -d} it needs), those installed. */
    static List<ExternalCopy> installed() {
        List<ExternalCopy> tools = new ArrayList<>();
        if (output("socat", "-V").contains("socat")) {
            tools.add(new ExternalCopy("socat",
                    (file, port) -> List.of("socat", "-u", "-b", "65536", "OPEN:" + file + ",rdonly",
                            "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr"),
                    (file, port) -> List.of("socat", "-u", "-b", "65536",
                            "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr", "CREATE:" + file),
                    false));
        }
        if (output("nc", "-h").contains("OpenBSD")) {
            tools.add(new ExternalCopy("nc",
                    (file, port) -> List.of("nc", "-N", "-l", "127.0.0.1", Integer.toString(port)),
                    (file, port) -> List.of("nc", "-d", "-l", "127.0.0.1", Integer.toString(port)),
                    true));
        }
        return tools;
    }

    String name() {
        return name;
    }

    /** The tool sends {@code source}; the harness writes it to {@code target}. */
    Timed download(Path source, Path target) throws IOException, InterruptedException {
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(serve.apply(source, port)).redirectErrorStream(true);
        builder.redirectInput(serveFromStdin ? ProcessBuilder.Redirect.from(source.toFile())
                : ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process tool = builder.start();
        try {
            long[] started = new long[1];
            try (Socket socket = connect(port, started)) {
                Checksummed received = Checksummed.copyToFile(socket.getInputStream(), target);
                return new Timed(System.nanoTime() - started[0], received);
            }
        }
        finally {
            end(tool);
        }
    }

    /** The harness sends {@code source}; the tool writes it to {@code target}; done when the tool has exited. */
    Timed upload(Path source, Path target) throws IOException, InterruptedException {
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(store.apply(target, port))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(serveFromStdin ? ProcessBuilder.Redirect.to(target.toFile())
                : ProcessBuilder.Redirect.DISCARD);
        Process tool = builder.start();
        try {
            long[] started = new long[1];
            try (Socket socket = connect(port, started); InputStream file = Files.newInputStream(source)) {
                Transfer.copy(file, socket.getOutputStream());
                socket.shutdownOutput();
                if (!tool.waitFor(120, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                    throw new IOException(name + " did not store the upload");
                }
                return new Timed(System.nanoTime() - started[0], null);
            }
        }
        finally {
            end(tool);
        }
    }

    private static Socket connect(int port, long[] started) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long attempt = System.nanoTime();
            try {
                Socket socket = RawClient.connect(port);
                started[0] = attempt;
                return socket;
            }
            catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(2);
            }
        }
    }

    private static void end(Process tool) throws InterruptedException {
        if (!tool.waitFor(10, TimeUnit.SECONDS)) {
            tool.destroyForcibly();
            tool.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What a command prints, or nothing when it is not installed. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes());
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
