package dev.fileserver.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.fileserver.testsupport.V1Client;

/**
 * Many sessions open at once (the server's {@code max-clients} raised above their number), each
 * doing a few {@code /list} round trips once all are connected: how many fail, and the latency
 * of connecting and of a request under that load. A wrong listing fails the run like a wrong byte.
 */
final class ManySessions {

    private final BenchContext context;

    private final Fixtures fixtures;

    ManySessions(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    private record Outcome(int errors, Samples connects, Samples lists, String firstError, long overflows) {
    }

    List<Figure> run() throws InterruptedException, ByteMismatchException {
        int sessions = context.sizes().sessions();
        List<Double> errors = new ArrayList<>();
        List<Double> connectTail = new ArrayList<>();
        List<Double> listMedian = new ArrayList<>();
        List<Double> listTail = new ArrayList<>();
        List<Double> overflows = new ArrayList<>();
        String firstError = "";
        for (int run = 0; run < context.runs(); run++) {
            Outcome outcome = once(sessions);
            errors.add((double) outcome.errors());
            connectTail.add(outcome.connects().percentile(99));
            listMedian.add(outcome.lists().median());
            listTail.add(outcome.lists().percentile(99));
            overflows.add((double) outcome.overflows());
            if (firstError.isEmpty() && outcome.firstError() != null) {
                firstError = outcome.firstError();
            }
            BenchContext.progress(String.format("%d sessions, run %d: %d errors, /list p99 %.3f ms, %d listen-queue "
                    + "overflows", sessions, run + 1, outcome.errors(), outcome.lists().percentile(99),
                    outcome.overflows()));
            Thread.sleep(500);
        }
        String what = sessions + " concurrent sessions × " + context.sizes().listsPerSession() + " /list";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.measured(what + ", errors", Unit.COUNT, Samples.of(errors)),
                Figure.measured(what + ", /list median", Unit.MILLISECONDS, Samples.of(listMedian)),
                Figure.measured(what + ", /list p99", Unit.MILLISECONDS, Samples.of(listTail)),
                Figure.measured(what + ", connect and greeting p99", Unit.MILLISECONDS, Samples.of(connectTail)),
                Figure.measured(what + ", listen-queue overflows (kernel counter, system-wide)", Unit.COUNT,
                        Samples.of(overflows))));
        if (!firstError.isEmpty()) {
            figures.add(Figure.fact("First error seen", firstError.replace("|", "\\|")));
        }
        return figures;
    }

    private Outcome once(int sessions) throws InterruptedException, ByteMismatchException {
        long overflowsBefore = ListenQueue.overflows();
        CountDownLatch connected = new CountDownLatch(sessions);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
        List<Double> connects = Collections.synchronizedList(new ArrayList<>());
        List<Double> lists = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> mismatch = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Thread thread = new Thread(() -> {
                V1Client session = null;
                try {
                    long started = System.nanoTime();
                    try {
                        session = V1Client.connectAccepted(context.serverPort());
                        connects.add(Rates.milliseconds(System.nanoTime() - started));
                    }
                    finally {
                        connected.countDown();
                    }
                    connected.await(60, TimeUnit.SECONDS);
                    for (int j = 0; j < context.sizes().listsPerSession(); j++) {
                        long sent = System.nanoTime();
                        String listing = session.list(Fixtures.SMALL_FOLDER);
                        lists.add(Rates.milliseconds(System.nanoTime() - sent));
                        if (!listing.equals(fixtures.smallListing())) {
                            mismatch.compareAndSet(null, listing);
                        }
                    }
                }
                catch (Exception e) {
                    errors.incrementAndGet();
                    errorTexts.add(e.toString());
                }
                finally {
                    if (session != null) {
                        session.close();
                    }
                }
            }, "session-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }
        if (mismatch.get() != null) {
            throw new ByteMismatchException("a /list among " + sessions + " sessions answered '" + mismatch.get()
                    + "', expected '" + fixtures.smallListing() + "'");
        }
        List<Double> connectTimes = connects.isEmpty() ? List.of(Double.NaN) : connects;
        List<Double> listTimes = lists.isEmpty() ? List.of(Double.NaN) : lists;
        long overflows = overflowsBefore < 0 ? -1 : ListenQueue.overflows() - overflowsBefore;
        return new Outcome(errors.get(), Samples.of(connectTimes), Samples.of(listTimes), errorTexts.peek(), overflows);
    }
}
