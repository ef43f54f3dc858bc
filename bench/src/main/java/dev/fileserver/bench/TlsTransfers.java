package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * The big file down and up inside TLS: a server of its own with its TLS listener on (its own
 * self-signed certificate), against the same server's plaintext listener and against a raw JSSE
 * copy (the raw baseline, in its own process, presenting the same key and taking the same default
 * protocol and cipher suite), run by run; then logins to an account on that listener.
 */
final class TlsTransfers {

    static final String ROOT = "tls-root";

    private static final String OURS_TLS = "ours over TLS";

    private static final String OURS_PLAIN = "ours in plaintext";

    private static final String RAW_TLS = "raw JSSE";

    private interface Opener {
        /** Connects (and shakes hands): the clock runs from here. */
        V1Client open() throws IOException;
    }

    private interface Copy {
        /** One timed transfer, checked; its rate in MB/s. */
        double run() throws Exception;
    }

    private final BenchContext context;

    private final long size;

    private final Checksummed sum;

    TlsTransfers(BenchContext context) {
        this.context = context;
        this.size = context.sizes().bigFile();
        this.sum = context.fixtures().sum(Fixtures.BIG);
    }

    List<Figure> run() throws Exception {
        Path root = Files.createDirectories(context.workspace().base().resolve(ROOT));
        Files.createDirectories(root.resolve(Fixtures.UPLOADS));
        Files.createDirectories(root.resolve(Fixtures.BASELINE_UPLOADS));
        // a link, not a copy: the same bytes, and no second big file on the disk
        Files.createLink(root.resolve(Fixtures.BIG), context.fixtures().path(Fixtures.BIG));
        Path state = context.workspace().base().resolve("tls-state");
        Path logs = context.workspace().logs();
        Path usersFile = context.workspace().base().resolve("tls-users.yml");
        String token = LoginRoundTrips.addAccount(context.options().serverJar(), usersFile);
        try (ServerProcess server = context.options().serverLauncher(logs.resolve("tls-server.log")).start(root,
                "--fileserver.tls.enabled=true", "--fileserver.tls.port=0", "--fileserver.state-dir=" + state,
                "--fileserver.auth.users-file=" + usersFile)) {
            Path certificate = state.resolve("tls/server.crt");
            try (RawServerProcess raw = RawServerProcess.launch(logs.resolve("raw-tls.log"),
                    RawServer.class, root.toString(), certificate.toString(), state.resolve("tls/server.key").toString())) {
                Endpoints at = new Endpoints(root, certificate, server.tlsPort(), server.tcpPort(), raw.awaitPort());
                String suite = negotiated(at);
                // a fresh server loads and compiles its TLS code on the first transfers: a round not counted
                measure(at, 1, "warm-up");
                Map<String, List<Double>> downloads = new LinkedHashMap<>();
                Map<String, List<Double>> uploads = new LinkedHashMap<>();
                measureInto(at, downloads, uploads);
                List<Figure> figures = new ArrayList<>();
                figures.add(Figure.fact("Protocol and cipher suite (both ends' JDK defaults)", suite));
                figures.addAll(rates("Download", downloads));
                figures.addAll(rates("Upload", uploads));
                figures.addAll(LoginRoundTrips.measure(server.tlsPort(), certificate, token));
                return figures;
            }
        }
    }

    private record Endpoints(Path root, Path certificate, int tlsPort, int plainPort, int rawTlsPort) {
    }

    private void measureInto(Endpoints at, Map<String, List<Double>> downloads, Map<String, List<Double>> uploads)
            throws Exception {
        for (String name : List.of(OURS_TLS, OURS_PLAIN, RAW_TLS)) {
            downloads.put(name, new ArrayList<>());
            uploads.put(name, new ArrayList<>());
        }
        for (int run = 0; run < context.runs(); run++) {
            Map<String, double[]> rates = measure(at, run, "run " + (run + 1));
            rates.forEach((name, pair) -> {
                downloads.get(name).add(pair[0]);
                uploads.get(name).add(pair[1]);
            });
        }
    }

    /** One round: each contender downloads, then uploads; the order turns with the run. */
    private Map<String, double[]> measure(Endpoints at, int run, String label) throws Exception {
        Map<String, Copy[]> contenders = new LinkedHashMap<>();
        Opener tls = () -> V1Client.over(TlsFiles.connect(at.tlsPort(), at.certificate()));
        Opener plain = () -> V1Client.connect(at.plainPort());
        contenders.put(OURS_TLS, new Copy[] {() -> oursDown(tls), () -> oursUp(at, tls)});
        contenders.put(OURS_PLAIN, new Copy[] {() -> oursDown(plain), () -> oursUp(at, plain)});
        contenders.put(RAW_TLS, new Copy[] {() -> rawDown(at), () -> rawUp(at)});
        List<String> order = new ArrayList<>(contenders.keySet());
        Collections.rotate(order, run);
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String name : order) {
            double down = contenders.get(name)[0].run();
            double up = contenders.get(name)[1].run();
            rates.put(name, new double[] {down, up});
            BenchContext.progress(String.format("TLS %s, %s: %s, download %.0f MB/s, upload %.0f MB/s",
                    context.sizes().bigFileLabel(), label, name, down, up));
        }
        return rates;
    }

    private double oursDown(Opener opener) throws Exception {
        Path target = context.workspace().client().resolve("tls-download.bin");
        long started = System.nanoTime();
        V1Client connected = opener.open();
        connected.expect(V1Client.ACCEPTED);
        Checksummed received = OneFileSessions.download(connected, Fixtures.BIG, target);
        return checked(received, target, System.nanoTime() - started, "download");
    }

    private double oursUp(Endpoints at, Opener opener) throws Exception {
        Path stored = at.root().resolve(Fixtures.UPLOADS).resolve(Fixtures.BIG);
        long started = System.nanoTime();
        V1Client connected = opener.open();
        connected.expect(V1Client.ACCEPTED);
        OneFileSessions.upload(connected, context.fixtures().path(Fixtures.BIG), Fixtures.UPLOADS);
        return checked(Checksummed.of(stored), stored, System.nanoTime() - started, "upload");
    }

    private double rawDown(Endpoints at) throws Exception {
        Path target = context.workspace().client().resolve("tls-download.bin");
        long started = System.nanoTime();
        Checksummed received = RawClient.get(TlsFiles.connect(at.rawTlsPort(), at.certificate()), Fixtures.BIG, target);
        return checked(received, target, System.nanoTime() - started, "raw JSSE download");
    }

    private double rawUp(Endpoints at) throws Exception {
        Path stored = at.root().resolve(Fixtures.BASELINE_UPLOADS).resolve(Fixtures.BIG);
        long started = System.nanoTime();
        RawClient.put(TlsFiles.connect(at.rawTlsPort(), at.certificate()), context.fixtures().path(Fixtures.BIG),
                Fixtures.BASELINE_UPLOADS + "/" + Fixtures.BIG);
        return checked(Checksummed.of(stored), stored, System.nanoTime() - started, "raw JSSE upload");
    }

    /** What our TLS listener and the raw one agree on with the harness's client: they must be the same. */
    private static String negotiated(Endpoints at) throws IOException {
        String ours = describe(TlsFiles.connect(at.tlsPort(), at.certificate()));
        String raw = describe(TlsFiles.connect(at.rawTlsPort(), at.certificate()));
        if (!ours.equals(raw)) {
            throw new IOException("the raw JSSE baseline negotiated " + raw + ", our server " + ours
                    + ": the comparison would not be fair");
        }
        return ours;
    }

    private static String describe(SSLSocket socket) throws IOException {
        try (socket) {
            SSLSession session = socket.getSession();
            return session.getProtocol() + ", " + session.getCipherSuite();
        }
    }

    private List<Figure> rates(String direction, Map<String, List<Double>> rates) {
        List<Double> tls = rates.get(OURS_TLS);
        return List.of(
                Figure.measured(direction + ", " + OURS_TLS, Unit.MB_PER_S, Samples.of(tls)),
                Figure.measured(direction + ", " + OURS_PLAIN, Unit.MB_PER_S, Samples.of(rates.get(OURS_PLAIN))),
                Figure.measured(direction + ", " + RAW_TLS, Unit.MB_PER_S, Samples.of(rates.get(RAW_TLS))),
                Figure.measured(direction + ", ratio ours over TLS / " + RAW_TLS, Unit.RATIO,
                        Samples.of(Rates.ratios(tls, rates.get(RAW_TLS))), Target.atLeast(0.9, Unit.RATIO)),
                Figure.measured(direction + ", ratio ours over TLS / " + OURS_PLAIN, Unit.RATIO,
                        Samples.of(Rates.ratios(tls, rates.get(OURS_PLAIN))), Target.atLeast(0.6, Unit.RATIO)));
    }

    /** Checks what arrived against the source, removes it, and gives the rate. */
    private double checked(Checksummed received, Path arrived, long nanos, String what) throws IOException {
        sum.verify(received, what);
        Files.delete(arrived);
        return Rates.megabytesPerSecond(size, nanos);
    }
}
