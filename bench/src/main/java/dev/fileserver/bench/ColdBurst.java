package dev.fileserver.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * A burst of clients against a server that has just started: all connect at once, then each
 * sends its small requests ({@code /list} of a small folder and 4 KiB downloads, alternating),
 * one after another on its own connection. The same burst is then repeated on the now warm
 * server; the last one is the warm figure. A server of its own per run, on the same files.
 */
final class ColdBurst {

    static final int CLIENTS = 500;

    static final int REQUESTS = 10;

    private static final int BURSTS = 4;

    private final BenchContext context;

    private final Fixtures fixtures;

    ColdBurst(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    /** One burst: each request's latency, each connect-and-greeting's, and what went wrong. */
    record Burst(Samples requests, Samples connects, int errors, String firstError, long overflows) {
    }

    List<Figure> run() throws Exception {
        int clients = context.options().quick() ? CLIENTS / 5 : CLIENTS;
        List<Double> coldTail = new ArrayList<>();
        List<Double> warmTail = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> coldConnectTail = new ArrayList<>();
        List<Double> warmConnectTail = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> overflows = new ArrayList<>();
        String firstError = "";
        for (int run = 0; run < context.runs(); run++) {
            try (ServerProcess server = context.options()
                    .serverLauncher(context.workspace().logs().resolve("burst-" + run + ".log"))
                    .start(fixtures.root(), "--fileserver.max-clients=" + (clients + 100))) {
                List<Burst> bursts = new ArrayList<>();
                for (int i = 0; i < BURSTS; i++) {
                    bursts.add(burst(server.tcpPort(), clients));
                    Thread.sleep(500);
                }
                Burst cold = bursts.get(0);
                Burst warm = bursts.get(BURSTS - 1);
                coldTail.add(cold.requests().percentile(99));
                warmTail.add(warm.requests().percentile(99));
                ratio.add(cold.requests().percentile(99) / warm.requests().percentile(99));
                coldConnectTail.add(cold.connects().percentile(99));
                warmConnectTail.add(warm.connects().percentile(99));
                errors.add((double) bursts.stream().mapToInt(Burst::errors).sum());
                overflows.add((double) cold.overflows());
                for (Burst burst : bursts) {
                    if (firstError.isEmpty() && burst.firstError() != null) {
                        firstError = burst.firstError();
                    }
                }
                BenchContext.progress(String.format("cold burst, run %d: request p99 cold %.1f ms, warm %.1f ms; "
                        + "connect p99 cold %.1f ms, warm %.1f ms; %d listen-queue overflows", run + 1,
                        cold.requests().percentile(99), warm.requests().percentile(99),
                        cold.connects().percentile(99), warm.connects().percentile(99), cold.overflows()));
            }
        }
        String what = clients + " clients × " + REQUESTS + " requests";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.measured(what + ", first burst after start, request p99", Unit.MILLISECONDS,
                        Samples.of(coldTail)),
                Figure.measured(what + ", warm (burst " + BURSTS + "), request p99", Unit.MILLISECONDS,
                        Samples.of(warmTail), Target.atMost(100, Unit.MILLISECONDS)),
                Figure.measured(what + ", ratio first / warm p99", Unit.RATIO, Samples.of(ratio),
                        Target.atMost(2, Unit.RATIO)),
                Figure.measured(what + ", first burst, connect and greeting p99", Unit.MILLISECONDS,
                        Samples.of(coldConnectTail)),
                Figure.measured(what + ", warm, connect and greeting p99", Unit.MILLISECONDS,
                        Samples.of(warmConnectTail)),
                Figure.measured(what + ", errors over all bursts", Unit.COUNT, Samples.of(errors)),
                Figure.measured(what + ", first burst, listen-queue overflows (kernel counter, system-wide)",
                        Unit.COUNT, Samples.of(overflows))));
        if (!firstError.isEmpty()) {
            figures.add(Figure.fact("First error seen", firstError.replace("|", "\\|")));
        }
        return figures;
    }

    private Burst burst(int port, int clients) throws InterruptedException, ByteMismatchException {
        long overflowsBefore = ListenQueue.overflows();
        CountDownLatch go = new CountDownLatch(1);
        List<Double> requests = Collections.synchronizedList(new ArrayList<>());
        List<Double> connects = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicReference<String> mismatch = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    long started = System.nanoTime();
                    try (V1Client session = V1Client.connectAccepted(port)) {
                        connects.add(Rates.milliseconds(System.nanoTime() - started));
                        for (int j = 0; j < REQUESTS; j++) {
                            long sent = System.nanoTime();
                            String wrong = j % 2 == 0 ? list(session) : download(session, client * REQUESTS + j);
                            requests.add(Rates.milliseconds(System.nanoTime() - sent));
                            if (wrong != null) {
                                mismatch.compareAndSet(null, wrong);
                            }
                        }
                    }
                }
                catch (Exception e) {
                    errors.add(e.toString());
                }
            }, "burst-" + i);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        if (mismatch.get() != null) {
            throw new ByteMismatchException(mismatch.get());
        }
        long overflows = overflowsBefore < 0 ? -1 : ListenQueue.overflows() - overflowsBefore;
        return new Burst(Samples.of(requests.isEmpty() ? List.of(Double.NaN) : requests),
                Samples.of(connects.isEmpty() ? List.of(Double.NaN) : connects), errors.size(), errors.peek(),
                overflows);
    }

    /** A {@code /list}; what was wrong with its answer, or null. */
    private String list(V1Client session) throws IOException {
        String listing = session.list(Fixtures.SMALL_FOLDER);
        return listing.equals(fixtures.smallListing()) ? null
                : "/list answered '" + listing + "', expected '" + fixtures.smallListing() + "'";
    }

    /** A 4 KiB download; what was wrong with its bytes, or null. */
    private String download(V1Client session, int index) throws IOException {
        String name = Fixtures.TINY_FOLDER + "/" + Fixtures.tinyName(index % context.sizes().smallDownloads());
        FileHeader header = session.download(name, "file");
        Checksummed received = Checksummed.copy(session.content(header), OutputStream.nullOutputStream());
        return received.equals(fixtures.sum(name)) ? null : "download of " + name + " differs from its source";
    }
}
