package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.fileserver.testsupport.InstalledJdk;
import dev.fileserver.testsupport.ProcessMemory;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * Many idle sessions held by one server: the resident memory each costs, and the latency of a
 * hundred active clients' small requests while they are held. A server of its own per run, with
 * {@code max-clients} above the sessions, on the harness's JDK and, when that is older than 21,
 * also on the newest JDK installed beside it (virtual threads). Resident memory is read from /proc
 * after a full GC (jcmd) both before the idle sessions connect and once they all have.
 */
final class IdleSessions {

    static final int IDLE = 10_000;

    static final int ACTIVE = 100;

    static final int REQUESTS_PER_ACTIVE = 100;

    private static final int CONNECTING_THREADS = 16;

    private final BenchContext context;

    private final Fixtures fixtures;

    IdleSessions(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    private record Held(double kibPerSession, Samples active) {
    }

    List<Figure> run() throws Exception {
        int idle = context.options().quick() ? IDLE / 10 : IDLE;
        List<Figure> figures = new ArrayList<>();
        String fdNote = descriptorLimit(idle);
        if (fdNote != null) {
            return List.of(Figure.fact(idle + " idle sessions", "n/a (" + fdNote + ")"));
        }
        Path harnessJdk = Path.of(System.getProperty("java.home"));
        int harnessFeature = Runtime.version().feature();
        figures.addAll(measure(idle, harnessJdk, harnessFeature));
        if (harnessFeature < 21) {
            Optional<InstalledJdk> newer = InstalledJdk.atLeast(21);
            if (newer.isPresent()) {
                figures.addAll(measure(idle, newer.get().home(), newer.get().feature()));
            }
            else {
                figures.add(Figure.fact("On JDK 21 or newer", "n/a (none installed under /usr/lib/jvm)"));
            }
        }
        return figures;
    }

    private List<Figure> measure(int idle, Path javaHome, int feature) throws Exception {
        String jdk = "JDK " + feature + (feature >= 21 ? ", virtual threads" : ", platform threads");
        List<Double> perSession = new ArrayList<>();
        List<Double> activeTail = new ArrayList<>();
        List<Double> activeMedian = new ArrayList<>();
        for (int run = 0; run < Math.min(context.runs(), 3); run++) {
            Held held = once(idle, javaHome, run);
            perSession.add(held.kibPerSession());
            activeTail.add(held.active().percentile(99));
            activeMedian.add(held.active().median());
            BenchContext.progress(String.format("%d idle sessions on %s, run %d: %.1f KiB each; %d active /list p99 "
                    + "%.2f ms", idle, jdk, run + 1, held.kibPerSession(), ACTIVE, held.active().percentile(99)));
        }
        String what = idle + " idle sessions (" + jdk + ")";
        return List.of(
                Figure.measured(what + ", resident memory per idle session", Unit.KIB, Samples.of(perSession),
                        Target.atMost(32, Unit.KIB)),
                Figure.measured(what + ", " + ACTIVE + " active clients × " + REQUESTS_PER_ACTIVE + " /list, median",
                        Unit.MILLISECONDS, Samples.of(activeMedian)),
                Figure.measured(what + ", " + ACTIVE + " active clients, /list p99", Unit.MILLISECONDS,
                        Samples.of(activeTail), Target.atMost(50, Unit.MILLISECONDS)));
    }

    private Held once(int idle, Path javaHome, int run) throws Exception {
        ServerLauncher launcher = context.options()
                .serverLauncher(context.workspace().logs().resolve("idle-" + javaHome.getFileName() + "-" + run + ".log"))
                .withJavaHome(javaHome);
        List<V1Client> sessions = Collections.synchronizedList(new ArrayList<>());
        try (ServerProcess server = launcher.start(fixtures.root(),
                "--fileserver.max-clients=" + (idle + ACTIVE + 100));
                AutoCloseable closeAll = () -> sessions.forEach(V1Client::close)) {
            activeRound(server.tcpPort());
            long before = residentAfterGc(javaHome, server.pid());
            connect(server.tcpPort(), idle, sessions);
            long after = residentAfterGc(javaHome, server.pid());
            Samples active = activeRound(server.tcpPort());
            return new Held((after - before) / 1024.0 / idle, active);
        }
    }

    private static void connect(int port, int count, List<V1Client> sessions) throws Exception {
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CONNECTING_THREADS; t++) {
                int share = count / CONNECTING_THREADS + (t < count % CONNECTING_THREADS ? 1 : 0);
                done.add(connecting.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        sessions.add(V1Client.connectAccepted(port));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            connecting.shutdownNow();
        }
    }

    /** {@link #ACTIVE} clients at once, each doing its {@code /list}s in one session; every request's latency. */
    private Samples activeRound(int port) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(ACTIVE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < ACTIVE; c++) {
                done.add(clients.submit(() -> {
                    try (V1Client session = V1Client.connectAccepted(port)) {
                        for (int i = 0; i < REQUESTS_PER_ACTIVE; i++) {
                            long sent = System.nanoTime();
                            String listing = session.list(Fixtures.SMALL_FOLDER);
                            millis.add(Rates.milliseconds(System.nanoTime() - sent));
                            if (!listing.equals(fixtures.smallListing())) {
                                throw new ByteMismatchException("/list answered '" + listing + "' to an active "
                                        + "client among idle ones");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            clients.shutdownNow();
        }
        return Samples.of(millis);
    }

    /** The server's resident bytes once a full GC has left only what is live (and what the heap keeps). */
    private static long residentAfterGc(Path javaHome, long pid) throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS)) {
            gc.destroyForcibly();
        }
        Thread.sleep(1000);
        return ProcessMemory.residentBytes(pid);
    }

    /** Why this machine cannot hold the sessions (too few file descriptors per process), or null. */
    private static String descriptorLimit(int sessions) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                if (!soft.equals("unlimited") && Long.parseLong(soft) < sessions + ACTIVE + 1000) {
                    return "ulimit -n is " + soft + ", " + (sessions + ACTIVE + 1000) + " needed";
                }
            }
        }
        return null;
    }
}
