package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * What counting a tree for the quotas costs: a root of its own holding many small files in
 * folders of a thousand, and for each run a fresh server on it without quotas, so that nothing is
 * walked until the first {@code /quota}, which waits for the walk; the second is answered from the
 * count. The page cache is warm after the first run (a cold disk costs its seeks on top).
 */
final class QuotaWalk {

    static final String ROOT = "quota-root";

    private static final int PER_FOLDER = 1000;

    private final BenchContext context;

    private final int files;

    QuotaWalk(BenchContext context) {
        this.context = context;
        this.files = context.sizes().quotaTreeFiles();
    }

    List<Figure> run() throws Exception {
        Path root = plant();
        List<Double> walks = new ArrayList<>();
        List<Double> counted = new ArrayList<>();
        for (int run = 0; run < context.runs(); run++) {
            try (ServerProcess server = context.options().serverLauncher(context.workspace().logs()
                    .resolve("quota-server.log")).start(root)) {
                double walk = quotaMillis(server.tcpPort(), files);
                double again = quotaMillis(server.tcpPort(), files);
                walks.add(walk);
                counted.add(again);
                BenchContext.progress(String.format("run %d: first /quota %.0f ms, second %.1f ms", run + 1, walk,
                        again));
            }
        }
        return List.of(Figure.measured("First /quota: the walk of " + files + " files", Unit.MILLISECONDS,
                Samples.of(walks)),
                Figure.measured("Next /quota, from the count", Unit.MILLISECONDS, Samples.of(counted)));
    }

    private Path plant() throws IOException {
        Path root = Files.createDirectories(context.workspace().base().resolve(ROOT));
        byte[] content = {'x'};
        for (int i = 0; i < files; i++) {
            Path folder = root.resolve("d" + i / PER_FOLDER);
            if (i % PER_FOLDER == 0) {
                Files.createDirectories(folder);
            }
            Files.write(folder.resolve("f" + i), content);
        }
        return root;
    }

    /** One {@code /quota} in a session of its own, from the request to the figures; checks the count. */
    private static double quotaMillis(int port, int files) throws IOException {
        try (V1Client session = V1Client.connectAccepted(port)) {
            long started = System.nanoTime();
            List<String> reply = session.request("/quota", 2);
            double millis = (System.nanoTime() - started) / 1e6;
            if (!reply.get(1).contains("files-used " + files + "\n")) {
                throw new IOException("the server counted otherwise: " + reply.get(1));
            }
            return millis;
        }
    }
}
