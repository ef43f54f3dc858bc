package dev.fileserver.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * A burst of clients against a server that has just started: all connect at once, then each
 * sends its small requests ({@code /list} of a small folder and 4 KiB downloads, alternating),
 * one after another on its own connection. The same burst is then repeated on the now warm
 * server; the last one is the warm figure. A server of its own per run and way of starting it,
 * on the same files. What the server spends is its process CPU time from {@code /proc} over a
 * burst: per request over the warm burst, and per connection over one more burst whose clients
 * only connect, are greeted and leave.
 */
final class ColdBurst {

    static final int CLIENTS = 500;

    static final int REQUESTS = 10;

    private static final int BURSTS = 4;

    /** Time for the server to finish with connections its clients have already left, before its CPU is read. */
    private static final long SETTLE_MILLIS = 300;

    private final BenchContext context;

    private final Fixtures fixtures;

    ColdBurst(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    /**
     * One burst: each request's latency, each connect-and-greeting's, how long the whole burst took
     * from the first connect to the last reply, and what went wrong.
     */
    record Burst(Samples requests, Samples connects, double seconds, int errors, String firstError, long overflows,
            double cpuSeconds) {

        /** Requests answered per second over the whole burst, connects included. */
        double requestsPerSecond() {
            return requests.count() / seconds;
        }

        /** The server's CPU time over the burst per request, its connections' share included, in µs. */
        double cpuPerRequest() {
            return cpuSeconds * 1e6 / requests.count();
        }

        /** The server's CPU time over the burst per connection, in µs. */
        double cpuPerConnection() {
            return cpuSeconds * 1e6 / connects.count();
        }
    }

    /** The figures of one way of starting the server, over the runs. */
    private static final class Tails {

        final List<Double> cold = new ArrayList<>();

        final List<Double> warm = new ArrayList<>();

        final List<Double> ratio = new ArrayList<>();

        final List<Double> coldConnect = new ArrayList<>();

        final List<Double> warmConnect = new ArrayList<>();

        final List<Double> warmMedian = new ArrayList<>();

        final List<Double> warmThroughput = new ArrayList<>();

        final List<Double> errors = new ArrayList<>();

        final List<Double> overflows = new ArrayList<>();

        final List<Double> cpuPerRequest = new ArrayList<>();

        final List<Double> cpuPerConnection = new ArrayList<>();

        final List<Double> cpuPerBareRequest = new ArrayList<>();
    }

    List<Figure> run() throws Exception {
        int clients = context.options().quick() ? CLIENTS / 5 : CLIENTS;
        Map<String, ServerLauncher> ways = ServerWays.of(context.options());
        Map<String, Tails> tails = new LinkedHashMap<>();
        ways.keySet().forEach(way -> tails.put(way, new Tails()));
        String firstError = "";
        for (int run = 0; run < Math.min(context.runs(), 3); run++) {
            List<String> order = new ArrayList<>(ways.keySet());
            if (run % 2 == 1) {
                Collections.reverse(order);
            }
            for (String way : order) {
                List<Burst> bursts = new ArrayList<>();
                Burst connections;
                try (ServerProcess server = ways.get(way)
                        .withOutputTo(context.workspace().logs().resolve("burst-" + run + ".log"))
                        .start(fixtures.root(), "--fileserver.max-clients=" + (clients + 100))) {
                    for (int i = 0; i < BURSTS; i++) {
                        bursts.add(burst(server, clients, REQUESTS));
                        Thread.sleep(500);
                    }
                    connections = burst(server, clients, 0);
                }
                Burst cold = bursts.get(0);
                Burst warm = bursts.get(BURSTS - 1);
                Tails t = tails.get(way);
                t.cold.add(cold.requests().percentile(99));
                t.warm.add(warm.requests().percentile(99));
                t.ratio.add(cold.requests().percentile(99) / warm.requests().percentile(99));
                t.coldConnect.add(cold.connects().percentile(99));
                t.warmConnect.add(warm.connects().percentile(99));
                t.warmMedian.add(warm.requests().median());
                t.warmThroughput.add(warm.requestsPerSecond());
                t.errors.add((double) bursts.stream().mapToInt(Burst::errors).sum() + connections.errors());
                t.overflows.add((double) cold.overflows());
                t.cpuPerRequest.add(warm.cpuPerRequest());
                t.cpuPerConnection.add(connections.cpuPerConnection());
                t.cpuPerBareRequest.add(warm.cpuPerRequest() - connections.cpuPerConnection() / REQUESTS);
                bursts.add(connections);
                for (Burst burst : bursts) {
                    if (firstError.isEmpty() && burst.firstError() != null) {
                        firstError = burst.firstError();
                    }
                }
                BenchContext.progress(String.format("cold burst, run %d, %s: request p99 cold %.1f ms, warm %.1f ms "
                        + "(median %.2f ms, %.0f requests/s); connect p99 cold %.1f ms, warm %.1f ms; "
                        + "%d listen-queue overflows; server CPU %.0f µs per request, %.0f µs per connection",
                        run + 1, way, cold.requests().percentile(99),
                        warm.requests().percentile(99), warm.requests().median(), warm.requestsPerSecond(),
                        cold.connects().percentile(99), warm.connects().percentile(99), cold.overflows(),
                        warm.cpuPerRequest(), connections.cpuPerConnection()));
            }
        }
        List<Figure> figures = new ArrayList<>();
        tails.forEach((way, t) -> {
            String what = clients + " clients × " + REQUESTS + " requests, " + way;
            figures.addAll(List.of(
                    Figure.measured(what + ": first burst after start, request p99", Unit.MILLISECONDS,
                            Samples.of(t.cold)),
                    Figure.measured(what + ": warm (burst " + BURSTS + "), request p99", Unit.MILLISECONDS,
                            Samples.of(t.warm), Target.atMost(100, Unit.MILLISECONDS)),
                    Figure.measured(what + ": ratio first / warm p99", Unit.RATIO, Samples.of(t.ratio),
                            Target.atMost(2, Unit.RATIO)),
                    Figure.measured(what + ": warm, request median", Unit.MILLISECONDS, Samples.of(t.warmMedian)),
                    Figure.measured(what + ": warm, requests answered per second over the whole burst",
                            Unit.PER_SECOND, Samples.of(t.warmThroughput)),
                    Figure.measured(what + ": warm, server CPU time per request (the burst's CPU / its requests)",
                            Unit.MICROSECONDS, Samples.of(t.cpuPerRequest)),
                    Figure.measured(what + ": warm, server CPU time per connection (connect, greeting, close)",
                            Unit.MICROSECONDS, Samples.of(t.cpuPerConnection)),
                    Figure.measured(what + ": warm, server CPU time per request, its connection's share taken out",
                            Unit.MICROSECONDS, Samples.of(t.cpuPerBareRequest)),
                    Figure.measured(what + ": connect and greeting p99, first burst", Unit.MILLISECONDS,
                            Samples.of(t.coldConnect)),
                    Figure.measured(what + ": connect and greeting p99, warm", Unit.MILLISECONDS,
                            Samples.of(t.warmConnect)),
                    Figure.measured(what + ": errors over all bursts", Unit.COUNT, Samples.of(t.errors)),
                    Figure.measured(what + ": listen-queue overflows in the first burst (kernel, system-wide)",
                            Unit.COUNT, Samples.of(t.overflows))));
        });
        if (!firstError.isEmpty()) {
            figures.add(Figure.fact("First error seen", firstError.replace("|", "\\|")));
        }
        return figures;
    }

    /** A burst of {@code clients} that each connect, send {@code requests} requests and leave. */
    private Burst burst(ServerProcess server, int clients, int requestsEach)
            throws InterruptedException, ByteMismatchException, IOException {
        int port = server.tcpPort();
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
                        for (int j = 0; j < requestsEach; j++) {
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
        double cpuBefore = ProcCpu.seconds(server.pid());
        long began = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Thread.sleep(SETTLE_MILLIS);
        double cpuSeconds = ProcCpu.seconds(server.pid()) - cpuBefore;
        if (mismatch.get() != null) {
            throw new ByteMismatchException(mismatch.get());
        }
        long overflows = overflowsBefore < 0 ? -1 : ListenQueue.overflows() - overflowsBefore;
        return new Burst(Samples.of(requests.isEmpty() ? List.of(Double.NaN) : requests),
                Samples.of(connects.isEmpty() ? List.of(Double.NaN) : connects), seconds, errors.size(), errors.peek(),
                overflows, cpuSeconds);
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
