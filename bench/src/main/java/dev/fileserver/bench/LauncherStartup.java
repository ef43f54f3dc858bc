package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * Server start-up, launch to the first accepted session, as the README starts it ({@code java -jar})
 * and through {@code bin/fileserver-server} (the extracted jar with a class archive of a training
 * run), on the harness's JDK and on the newest JDK installed beside it when that is 25 or newer
 * (AOT cache). The ways alternate within each run; each launcher's archive is made before the runs.
 */
final class LauncherStartup {

    private final BenchOptions options;

    private final Workspace workspace;

    LauncherStartup(BenchOptions options, Workspace workspace) {
        this.options = options;
        this.workspace = workspace;
    }

    List<Figure> run() throws IOException, InterruptedException {
        Path root = Files.createDirectories(workspace.base().resolve("launcher-root"));
        String plain = ServerWays.plain();
        Map<String, ServerLauncher> ways = ServerWays.of(options);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, ServerLauncher> way : ways.entrySet()) {
            seconds.put(way.getKey(), new ArrayList<>());
            // untimed: a launcher makes its archive on its first start
            start(way.getValue(), root, "launcher-prepare-" + index++);
        }
        for (int run = 0; run < options.runs(); run++) {
            List<String> order = new ArrayList<>(ways.keySet());
            if (run % 2 == 1) {
                Collections.reverse(order);
            }
            for (String name : order) {
                double took = start(ways.get(name), root, "launcher-" + run);
                seconds.get(name).add(took);
                BenchContext.progress(String.format("server start-up, run %d: %s %.2f s", run + 1, name, took));
            }
        }
        List<Figure> figures = new ArrayList<>();
        seconds.forEach((name, values) -> figures.add(Figure.measured("Server start-up, " + name, Unit.SECONDS,
                Samples.of(values), ServerWays.launched(name) ? Target.atMost(1.5, Unit.SECONDS) : Target.NONE)));
        seconds.forEach((name, values) -> {
            if (!name.equals(plain)) {
                figures.add(Figure.measured("Server start-up, ratio " + name + " / " + plain, Unit.RATIO,
                        Samples.of(Rates.ratios(values, seconds.get(plain))),
                        ServerWays.launched(name) ? Target.atMost(0.25, Unit.RATIO) : Target.NONE));
            }
        });
        return figures;
    }

    /** Seconds from launch to the first session accepted. */
    private double start(ServerLauncher launcher, Path root, String log) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (ServerProcess process = launcher.withOutputTo(workspace.logs().resolve(log + ".log")).start(root)) {
            V1Client.connectAccepted(process.tcpPort()).close();
            return Rates.seconds(System.nanoTime() - started);
        }
    }
}
