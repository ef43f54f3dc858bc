package dev.fileserver.client.support;

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

/**
 * The real server: its jar, as users run it, in a JVM of its own, on an ephemeral port, serving a
 * temporary root. (In-process would need the server module to publish its plain jar; its Boot
 * repackaging replaces it in the reactor.)
 */
public final class RealServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("File service listening on [^:]+:(\\d+)");

    private final Process process;

    private final int port;

    private final Path root;

    private RealServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /** Starts serving {@code root}; {@code properties} are further {@code --key=value} settings. */
    public static RealServer start(Path root, String... properties) throws Exception {
        Path jar = Path.of(System.getProperty("fileserver.server.jar", "../server/target/server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -B -DskipTests package (or run ./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                "--fileserver.root=" + root, "--fileserver.port=0", "--server.port=0"));
        command.addAll(List.of(properties));
        // started in the root's parent, so that no ./config/ of the working tree is read
        Process process = new ProcessBuilder(command).directory(root.getParent().toFile()).redirectErrorStream(true)
                .start();
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
            port.completeExceptionally(new IllegalStateException("the server exited before listening"));
        }, "real-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new RealServer(process, port.get(90, TimeUnit.SECONDS), root);
        }
        catch (Exception e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new IllegalStateException("the server did not start:\n" + String.join("\n", output), e);
            }
        }
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
