package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fileserver.testsupport.ServerProcess;

/**
 * The benchmark run: starts the server (as its own process, on a temporary root and an ephemeral
 * port) and the raw baseline, measures each section, prints the results as Markdown and writes
 * them under {@code bench/results}. Exits non-zero when anything that arrived differs from what
 * was sent.
 */
public final class Bench {

    private static final int BYTE_MISMATCH = 2;

    private static final int FAILED = 1;

    private static final int USAGE = 64;

    private final BenchOptions options;

    private final Machine machine = Machine.describe();

    private final Report report = new Report();

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(USAGE);
            return;
        }
        try {
            new Bench(options).run();
        }
        catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ByteMismatchException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ByteMismatchException) {
                System.err.println("BYTE MISMATCH, the run is void: " + cause.getMessage());
                System.exit(BYTE_MISMATCH);
            }
            System.err.println("The benchmark failed:");
            e.printStackTrace();
            System.exit(FAILED);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IOException(options.serverJar() + " is missing: build it first (bench/run does)");
        }
        String loadBefore = Machine.loadAverage();
        System.err.println("Benchmark, " + (options.quick() ? "quick" : "full") + " set, " + options.runs()
                + " runs per figure; progress below, results at the end");
        try (Workspace workspace = Workspace.create()) {
            measureWithRunningServers(workspace);
            section("startup", "Start-up", "Each run starts a fresh server process on an empty root.",
                    () -> new StartupTimes(options, workspace).run());
            section("launcher", "Server start-up through its launcher", "Each run starts a fresh server process on "
                    + "an empty root in each way, the order alternating.", () -> new LauncherStartup(options, workspace).run());
            section("s3", "S3 backend", "A server on fileserver.storage.type=s3 against direct AWS SDK transfers "
                    + "(the server's part size and parts in flight) to the same S3-compatible server, S3Proxy in the "
                    + "harness's JVM with its objects on the same disk; sides alternate. Every transfer is checked, "
                    + "uploads by reading the objects back.", () -> new S3Transfers(options, workspace).run());
        }
        String results = document(loadBefore, Machine.loadAverage());
        System.out.println(results);
        Path file = write(results);
        System.err.println("Written to " + file);
    }

    private void measureWithRunningServers(Workspace workspace) throws Exception {
        if (!options.only().isEmpty() && Set.of("startup", "s3", "launcher").containsAll(options.only())) {
            return;
        }
        System.err.println("Making the files under " + workspace.root());
        Fixtures fixtures = Fixtures.create(workspace.root(), options.sizes());
        int maxClients = options.sizes().sessions() + 100;
        try (RawServerProcess raw = RawServerProcess.launch(workspace.root(), workspace.logs().resolve("raw.log"));
                ServerProcess server = options.serverLauncher(workspace.logs().resolve("server.log"))
                        .start(workspace.root(), "--fileserver.max-clients=" + maxClients)) {
            BenchContext context = new BenchContext(options, workspace, fixtures, server.tcpPort(), server.pid(),
                    raw.awaitPort(), ExternalCopy.installed());
            System.err.println("Warming up");
            WarmUp.run(context);
            Sizes sizes = options.sizes();
            section("bulk", sizes.bigFileLabel() + " transfers", "Each run: one connection per transfer, the clock "
                    + "from connecting to the last byte written to a file (download) or to the receiver's "
                    + "confirmation that its file is closed (upload: our server's ack, the raw server's reply byte, "
                    + "the tool's exit). Baselines: " + baselines(context) + ". Server RSS sampled every 5 ms "
                    + "from /proc.", () -> new BulkTransfers(context).run());
            section("integrity", sizes.bigFileLabel() + " with SHA-256, and resumed", "Each run: one connection per "
                    + "transfer; digests on and off alternate, and with them on both ends hash as the bytes stream and "
                    + "the receiver checks the digest. Resumed: cut at half, then the rest with the digest of the whole "
                    + "file checked; the share is the server's file_len of the rest, which its byte meters count.",
                    () -> new IntegrityTransfers(context).run());
            section("small", "Small operations", "Round trips in one open session, after a warm-up session; per run "
                    + "the median and p99 of every request, then the median of those over the runs.",
                    () -> new SmallOperations(context).run());
            section("tree", "Folder of " + sizes.treeFiles() + " files", "From connecting to the tarball's last byte "
                    + "in a file, then to the last file unpacked by the client; the upload includes the client's "
                    + "scan of the folder and ends at the server's ack, sent once it is unpacked.",
                    () -> new DirectoryTransfers(context).run());
            section("concurrent", "Concurrent downloads", "The clients connect one after another, then all start "
                    + "together, each writing its own file; aggregate = all bytes / time to the last byte.",
                    () -> new ConcurrentDownloads(context).run());
            section("sessions", "Concurrent sessions", "max-clients raised to " + maxClients + "; all sessions "
                    + "connect at once, then each sends its requests; an error is a refused or failed session.",
                    () -> new ManySessions(context).run());
            section("tls", sizes.bigFileLabel() + " over TLS", "A server of its own with its TLS listener on "
                    + "(its self-signed certificate), against its own plaintext listener and a raw JSSE copy (the raw "
                    + "Java baseline inside TLS, in its own process, presenting the same key; both ends on the JDK's "
                    + "default protocol and cipher suite, the same as ours, checked). Each run: one connection per "
                    + "transfer, the clock from connecting (handshake included) to the last byte; a first round warms "
                    + "the new server up and is not counted. Logins: an account made by the server jar's own `user add`, "
                    + "one login per new connection, timed from /login to welcome, after 3 not counted.",
                    () -> new TlsTransfers(context).run());
            section("limits", "Rate limits", "A server of its own started with max-download-rate and max-upload-rate "
                    + "set to a quarter of the " + sizes.concurrentFileLabel() + " file per second; each run downloads "
                    + "it, then uploads it, the clock as in the big transfers; a first round warms the server up and "
                    + "is not counted.",
                    () -> new RateLimits(context).run());
            section("quota", "Counting for the quotas", "A root of its own with " + sizes.quotaTreeFiles()
                    + " one-byte files in folders of 1,000; each run starts a server on it without quotas, so the "
                    + "first /quota waits for the walk of the whole tree and the next is answered from the count.",
                    () -> new QuotaWalk(context).run());
            section("baselines", sizes.bigFileLabel() + " against the strongest baselines", "Each run: as the big "
                    + "transfers, against raw servers over NIO channels (each in its own process); every client is the "
                    + "same plain 64 KiB copy, so the rows compare servers.", () -> new StrongestBaselines(context).run());
            section("burst", "A burst against a cold server", "Each run starts a server of its own in each way "
                    + "(the order alternating) and at once sends it a burst: every client connects at the same moment, "
                    + "then sends its requests one after another; the same burst is repeated until the server is warm.",
                    () -> new ColdBurst(context).run());
            section("idle", "Idle sessions", "Each run starts a server of its own, opens the idle sessions (each "
                    + "greeted), then runs the active clients beside them; memory from /proc after a full GC.",
                    () -> new IdleSessions(context).run());
            section("client-startup", "Client start-up", "A one-shot ls of a 12-file folder, then a one-shot "
                    + "upload of a 4 KiB file, launch to exit, as a script runs them; the launches of a run in turn. bin/fileserver-client runs the extracted jar with "
                    + "Spring AOT and a class archive (CDS; the AOT cache from JDK 25) made by a first, untimed run.",
                    () -> new ClientStartup(context).run());
            section("client", "Client transfers", "bin/fileserver-client, a process per transfer, SHA-256 on as "
                    + "its defaults have it. Its own rate is the one its summary line prints (from the server's "
                    + "answer to the file in place); the plain client's runs from connecting to the last byte "
                    + "(download) or the server's ack (upload). Whole processes run from launch to exit, against "
                    + "OpenSSH sftp -b to an sshd of the harness's own on loopback.",
                    () -> new ClientTransfers(context).run());
            if (!server.isAlive()) {
                throw new IOException("the server died during the run; its output:\n" + server.outputTail());
            }
        }
    }

    private interface Measurement {
        List<Figure> run() throws Exception;
    }

    /** Measures a section, unless {@code --only} left it out, and adds its figures to the report. */
    private void section(String key, String title, String note, Measurement measurement) throws Exception {
        if (!options.runs(key)) {
            return;
        }
        System.err.println(title);
        report.section(title, note).addAll(measurement.run());
    }

    private static String baselines(BenchContext context) {
        List<String> names = new ArrayList<>(List.of("raw Java (a plain socket-to-file copy, 64 KiB buffers, "
                + "in its own process)"));
        context.tools().forEach(tool -> names.add(tool.name().equals("socat") ? "socat -b 65536" : tool.name()));
        if (context.tools().isEmpty()) {
            names.add("no socat or OpenBSD nc installed");
        }
        return String.join(", ", names);
    }

    private String document(String loadBefore, String loadAfter) {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmark results, ").append(LocalDate.now()).append("\n\n");
        text.append("Command: `").append(options.command()).append("`");
        if (!options.revision().isEmpty()) {
            text.append(" at revision `").append(options.revision()).append('`');
        }
        text.append("; ").append(options.quick() ? "quick" : "full").append(" set, ").append(options.runs())
                .append(" runs per figure.\n\n");
        text.append("## Machine\n\n");
        machine.markdownLines().forEach(line -> text.append(line).append('\n'));
        text.append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append('\n');
        text.append("- Server: `java -jar server/target/server.jar`, JVM options: ")
                .append(options.serverJvmOptions().isEmpty() ? "none (the JVM's defaults)"
                        : options.serverJvmOptions().stream().map(o -> "`" + o + "`").collect(Collectors.joining(" ")))
                .append("\n\n");
        text.append("## Figures\n\n");
        text.append("Median of the runs, with the smallest and largest run; MB = 10^6 bytes, MiB = 2^20 bytes. ")
                .append("Baselines and our server alternate within each run (which goes first alternates too). ")
                .append("Every transfer is checked against its source (CRC-32C); a difference fails the run. ")
                .append("Targets are reported, not asserted.\n\n");
        text.append(report.markdown());
        return text.toString();
    }

    private Path write(String results) throws IOException {
        Files.createDirectories(options.resultsDirectory());
        // only a full, unrestricted run may stand as the machine's results; the others are scratch
        boolean partial = options.quick() || !options.only().isEmpty() || !options.serverJvmOptions().isEmpty();
        String name = LocalDate.now() + "-" + machine.fileLabel() + (partial ? "-partial" : "") + ".md";
        Path file = options.resultsDirectory().resolve(name);
        Files.writeString(file, results);
        String chart = RatioChart.svg("Ratios against their baselines, " + LocalDate.now() + " (" + machine.fileLabel()
                + ")", report.ratios());
        Files.writeString(options.resultsDirectory().resolve(name.replace(".md", ".svg")), chart);
        if (!partial) {
            // the README shows the latest full run's chart under one name
            Files.writeString(options.resultsDirectory().resolve("latest.svg"), chart);
        }
        return file;
    }
}
