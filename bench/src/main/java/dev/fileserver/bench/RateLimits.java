package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.testsupport.ServerProcess;

/**
 * Transfers held to {@code max-download-rate} and {@code max-upload-rate}: a server of its own,
 * on a root of its own, started with both limits set so that the medium file takes about four
 * seconds each way; how close each transfer's rate comes to the limit.
 */
final class RateLimits {

    static final String ROOT = "limited-root";

    private static final int SECONDS_PER_TRANSFER = 4;

    private final BenchContext context;

    private final long size;

    private final long limit;

    RateLimits(BenchContext context) {
        this.context = context;
        this.size = context.sizes().concurrentFile();
        this.limit = size / SECONDS_PER_TRANSFER;
    }

    List<Figure> run() throws Exception {
        Path root = Files.createDirectories(context.workspace().base().resolve(ROOT));
        Files.createDirectories(root.resolve(Fixtures.UPLOADS));
        Path source = Files.copy(context.fixtures().path(Fixtures.MEDIUM), root.resolve(Fixtures.MEDIUM));
        Path target = context.workspace().client().resolve("limited-download.bin");
        Path stored = root.resolve(Fixtures.UPLOADS).resolve(Fixtures.MEDIUM);
        Checksummed sum = context.fixtures().sum(Fixtures.MEDIUM);
        List<Double> downloads = new ArrayList<>();
        List<Double> uploads = new ArrayList<>();
        try (ServerProcess server = context.options().serverLauncher(context.workspace().logs()
                .resolve("limited-server.log")).start(root, "--fileserver.max-download-rate=" + limit + "B",
                        "--fileserver.max-upload-rate=" + limit + "B")) {
            int port = server.tcpPort();
            // a fresh server's first transfers load and compile their code: a round that is not counted
            for (int run = -1; run < context.runs(); run++) {
                long started = System.nanoTime();
                Checksummed received = OneFileSessions.download(port, Fixtures.MEDIUM, target);
                double download = rate(System.nanoTime() - started);
                sum.verify(received, "rate-limited download");
                Files.delete(target);
                started = System.nanoTime();
                OneFileSessions.upload(port, source, Fixtures.UPLOADS);
                double upload = rate(System.nanoTime() - started);
                sum.verify(Checksummed.of(stored), "rate-limited upload");
                Files.delete(stored);
                if (run >= 0) {
                    downloads.add(download);
                    uploads.add(upload);
                }
                BenchContext.progress(String.format("%s: download %.2f MB/s, upload %.2f MB/s, limit %.2f MB/s",
                        run < 0 ? "warm-up" : "run " + (run + 1), download, upload, limitMegabytes()));
            }
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.fact("Limit, both ways", String.format("%.1f MB/s", limitMegabytes())));
        figures.addAll(against("Download", downloads));
        figures.addAll(against("Upload", uploads));
        return figures;
    }

    private List<Figure> against(String direction, List<Double> rates) {
        List<Double> deviations = rates.stream().map(rate -> Math.abs(rate / limitMegabytes() - 1)).toList();
        return List.of(Figure.measured(direction + " held to the limit", Unit.MB_PER_S, Samples.of(rates)),
                Figure.measured(direction + ", distance from the limit (rate / limit − 1, unsigned)", Unit.RATIO,
                        Samples.of(deviations),
                        Target.atMost(0.05, Unit.RATIO)));
    }

    private double rate(long nanos) {
        return Rates.megabytesPerSecond(size, nanos);
    }

    private double limitMegabytes() {
        return limit / 1e6;
    }
}
