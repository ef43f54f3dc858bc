package dev.fileserver.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Several clients downloading the same file at once, each on its own connection into a file of
 * its own: the aggregate rate from the start signal to the last byte, ours against the raw
 * baseline run by run. The clients connect one after another before the signal, so that this
 * measures transfers, not a burst of connections (the sessions measurement does that).
 */
final class ConcurrentDownloads {

    /** A connected client, ready to download once. */
    private interface Client {
        Checksummed download(Path target) throws IOException;
    }

    private interface Connector {
        Client connect() throws IOException;
    }

    private final BenchContext context;

    private final Fixtures fixtures;

    ConcurrentDownloads(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (int clients : new int[] {4, 16}) {
            figures.addAll(run(clients));
        }
        return figures;
    }

    private List<Figure> run(int clients) throws Exception {
        Connector ours = () -> {
            V1Client session = V1Client.connectAccepted(context.serverPort());
            return target -> {
                try (session) {
                    FileHeader header = session.download(Fixtures.MEDIUM, "file");
                    return Checksummed.copyToFile(session.content(header), target);
                }
            };
        };
        Connector raw = () -> {
            Socket socket = RawClient.connect(context.rawPort());
            return target -> RawClient.get(socket, Fixtures.MEDIUM, target);
        };
        List<Double> oursRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        for (int run = 0; run < context.runs(); run++) {
            if (BenchContext.baselineFirst(run)) {
                rawRates.add(aggregate(clients, raw, "raw"));
                oursRates.add(aggregate(clients, ours, "ours"));
            }
            else {
                oursRates.add(aggregate(clients, ours, "ours"));
                rawRates.add(aggregate(clients, raw, "raw"));
            }
            BenchContext.progress(String.format("%d concurrent downloads of %s, run %d: ours %.0f MB/s, raw %.0f MB/s",
                    clients, context.sizes().concurrentFileLabel(), run + 1, oursRates.get(run), rawRates.get(run)));
        }
        String what = clients + " concurrent downloads of " + context.sizes().concurrentFileLabel();
        Target target = clients == 4 ? Target.atLeast(1000, Unit.MB_PER_S) : Target.NONE;
        return List.of(
                Figure.measured(what + ", our server, aggregate", Unit.MB_PER_S, Samples.of(oursRates), target),
                Figure.measured(what + ", raw Java, aggregate", Unit.MB_PER_S, Samples.of(rawRates)),
                Figure.measured(what + ", ratio ours / raw Java", Unit.RATIO, Samples.of(Rates.ratios(oursRates, rawRates))));
    }

    /** All clients start together; the aggregate rate in MB/s once the last one is done and checked. */
    private double aggregate(int clients, Connector connector, String who) throws Exception {
        List<Client> connected = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connected.add(connector.connect());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Path> targets = new ArrayList<>();
        List<Future<Checksummed>> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long started;
        try {
            for (int i = 0; i < clients; i++) {
                Client client = connected.get(i);
                Path target = context.workspace().client().resolve("concurrent-" + i + ".bin");
                targets.add(target);
                results.add(threads.submit(() -> {
                    start.await();
                    return client.download(target);
                }));
            }
            Thread.sleep(50);
            started = System.nanoTime();
            start.countDown();
            for (Future<Checksummed> result : results) {
                result.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        long nanos = System.nanoTime() - started;
        for (int i = 0; i < clients; i++) {
            fixtures.sum(Fixtures.MEDIUM).verify(results.get(i).get(), who + " concurrent download " + (i + 1));
            Files.delete(targets.get(i));
        }
        return Rates.megabytesPerSecond(clients * context.sizes().concurrentFile(), nanos);
    }
}
