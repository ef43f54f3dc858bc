package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * Start-up of the server, from launching its process to the first session it accepts; and of a
 * one-shot client command, {@code ls}, from launch to exit, when the terminal client offers one.
 */
final class StartupTimes {

    private static final String MARKER = "startup-marker.txt";

    private final BenchOptions options;

    private final Workspace workspace;

    /** The client's command line that worked, once one has; its port goes last. */
    private List<String> clientForm;

    private String clientUnavailable;

    StartupTimes(BenchOptions options, Workspace workspace) {
        this.options = options;
        this.workspace = workspace;
    }

    List<Figure> run() throws IOException, InterruptedException {
        Path root = Files.createDirectories(workspace.base().resolve("startup-root"));
        Files.writeString(root.resolve(MARKER), "marker\n");
        if (!Files.isRegularFile(options.clientJar())) {
            clientUnavailable = options.clientJar().getFileName() + " is not built";
        }
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        for (int run = 0; run < options.runs(); run++) {
            ServerLauncher launcher = options.serverLauncher(workspace.logs().resolve("startup-" + run + ".log"));
            long started = System.nanoTime();
            try (ServerProcess process = launcher.start(root)) {
                // ready (its port file written), then a first session accepted
                V1Client.connectAccepted(process.tcpPort()).close();
                server.add(Rates.seconds(System.nanoTime() - started));
                if (clientUnavailable == null) {
                    oneShotClient(process.tcpPort()).ifPresent(client::add);
                }
            }
            BenchContext.progress(String.format("start-up, run %d: server %.2f s%s", run + 1, server.get(run),
                    client.size() > run ? String.format(", client ls %.2f s", client.get(run)) : ""));
        }
        Figure clientFigure = clientUnavailable != null
                ? Figure.unavailable("One-shot client command (ls), launch to exit", clientUnavailable, Target.NONE)
                : Figure.measured("One-shot client command (ls), launch to exit", Unit.SECONDS, Samples.of(client));
        return List.of(
                Figure.measured("Server start-up, launch to first accepted session", Unit.SECONDS, Samples.of(server)),
                clientFigure);
    }

    /** Seconds from launch to exit of {@code ls}, or nothing (and the reason kept) when the client cannot do it. */
    private Optional<Double> oneShotClient(int port) throws IOException, InterruptedException {
        List<List<String>> forms = clientForm != null ? List.of(clientForm) : List.of(
                List.of("-jar", options.clientJar().toString(), "ls", "--fileserver.port="),
                List.of("-jar", options.clientJar().toString(), "--fileserver.port=", "ls"),
                List.of("-Dfileserver.port=", "-jar", options.clientJar().toString(), "ls"));
        String firstFailure = null;
        for (List<String> form : forms) {
            List<String> command = new ArrayList<>();
            command.add(Java.executable());
            form.forEach(part -> command.add(part.endsWith("port=") ? part + port : part));
            Path output = workspace.logs().resolve("client.log");
            long started = System.nanoTime();
            Process client = new ProcessBuilder(command)
                    .directory(workspace.base().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String failure;
            if (!client.waitFor(60, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                client.waitFor(10, TimeUnit.SECONDS);
                failure = "did not exit within 60 s";
            }
            else {
                long nanos = System.nanoTime() - started;
                String printed = Files.readString(output);
                if (client.exitValue() == 0 && printed.contains(MARKER)) {
                    clientForm = form;
                    return Optional.of(Rates.seconds(nanos));
                }
                failure = client.exitValue() != 0 ? "exit code " + client.exitValue()
                        : "exits 0 but prints no listing; it has no one-shot ls yet";
            }
            if (firstFailure == null) {
                firstFailure = failure;
            }
        }
        clientUnavailable = "shell client: " + firstFailure;
        return Optional.empty();
    }
}
