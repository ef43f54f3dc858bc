package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The terminal client as a user runs it ({@code bin/fileserver-client get|put}, a process per
 * transfer, its archive made before anything is timed): its own transfer rate, from its summary
 * line, against the harness's plain client on the same server; and whole processes, launch to
 * exit, against OpenSSH's {@code sftp -b} on the same loopback, for the big file and the folder,
 * both ways. Within a run each pair goes in turn, the first of them changing from run to run;
 * everything that arrives is checked.
 */
final class ClientTransfers {

    /** {@code ... 1.0 GiB in 2.1 s (486.8 MiB/s)...}: the client's own measure of the transfer. */
    private static final Pattern RATE = Pattern.compile("\\(([0-9.]+) MiB/s\\)");

    private final BenchContext context;

    private final Fixtures fixtures;

    private final ClientLaunches launches;

    private final Path javaHome = ClientLaunches.harnessJavaHome();

    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    ClientTransfers(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
        this.launches = new ClientLaunches(context.options(), context.workspace(), context.serverPort());
    }

    List<Figure> run() throws Exception {
        if (!Files.isRegularFile(context.options().clientJar())) {
            return List.of(Figure.unavailable("Client transfers", "the client jar is not built", Target.NONE));
        }
        Path here = context.workspace().clientFolder("client-transfers");
        // the first launch makes the archive
        launches.launcher(javaHome, here, "ls").succeed();
        Optional<String> noSftp = OpenSsh.unavailable();
        try (OpenSsh ssh = noSftp.isEmpty() ? OpenSsh.start(context.workspace().base().resolve("ssh")) : null) {
            for (int run = 0; run < context.runs(); run++) {
                bigFile(run, ssh);
                folder(run, ssh);
                progress(run);
            }
        }
        String big = context.sizes().bigFileLabel();
        String tree = "folder of " + fixtures.treeFiles().size() + " files";
        List<Figure> figures = new ArrayList<>();
        for (String direction : List.of("download", "upload")) {
            figures.add(rate(big + " " + direction + ", client's own rate", direction + " client"));
            figures.add(rate(big + " " + direction + ", plain client", direction + " raw"));
            figures.add(Figure.measured(big + " " + direction + ", ratio client / plain client", Unit.RATIO,
                    Samples.of(Rates.ratios(values.get(direction + " client"), values.get(direction + " raw"))),
                    Target.atLeast(0.8, Unit.RATIO)));
        }
        for (String what : List.of(big + " get", big + " put", tree + " get", tree + " put")) {
            figures.add(Figure.measured(what + ", bin/fileserver-client process", Unit.SECONDS,
                    Samples.of(values.get(what + " ours"))));
            if (noSftp.isPresent()) {
                figures.add(Figure.unavailable(what + ", sftp", noSftp.get(), Target.NONE));
                continue;
            }
            figures.add(Figure.measured(what + ", sftp -b process", Unit.SECONDS, Samples.of(values.get(what + " sftp"))));
            figures.add(Figure.measured(what + ", ratio client / sftp (time)", Unit.RATIO,
                    Samples.of(Rates.ratios(values.get(what + " ours"), values.get(what + " sftp"))),
                    Target.atMost(0.5, Unit.RATIO)));
        }
        return figures;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void bigFile(int run, OpenSsh ssh) throws Exception {
        String big = context.sizes().bigFileLabel();
        Path here = context.workspace().clientFolder("client-transfers");
        Path source = fixtures.path(Fixtures.BIG);
        Path arrived = here.resolve(Fixtures.BIG);
        Path stored = fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.BIG);
        Path baselineStored = fixtures.path(Fixtures.BASELINE_UPLOADS).resolve(Fixtures.BIG);
        inTurn(run, () -> {
            Launch.Ended ended = ours(big + " get", here, "get", Fixtures.BIG);
            record("download client", rate(ended));
            landed(arrived, "the client's download");
        }, () -> {
            long started = System.nanoTime();
            Checksummed received = OneFileSessions.download(context.serverPort(), Fixtures.BIG, arrived);
            record("download raw", Rates.megabytesPerSecond(Files.size(source), System.nanoTime() - started));
            fixtures.sum(Fixtures.BIG).verify(received, "the plain client's download");
            Files.delete(arrived);
        }, ssh == null ? null : () -> {
            sftp(ssh, big + " get", here, "get big", "get " + source + " " + arrived);
            landed(arrived, "sftp's download");
        });
        inTurn(run, () -> {
            Launch.Ended ended = ours(big + " put", here, "put", source.toString(), Fixtures.UPLOADS);
            record("upload client", rate(ended));
            landed(stored, "the client's upload");
        }, () -> {
            long started = System.nanoTime();
            OneFileSessions.upload(context.serverPort(), source, Fixtures.UPLOADS);
            record("upload raw", Rates.megabytesPerSecond(Files.size(source), System.nanoTime() - started));
            landed(stored, "the plain client's upload");
        }, ssh == null ? null : () -> {
            sftp(ssh, big + " put", here, "put big", "put " + source + " " + baselineStored);
            landed(baselineStored, "sftp's upload");
        });
    }

    private void folder(int run, OpenSsh ssh) throws Exception {
        String tree = "folder of " + fixtures.treeFiles().size() + " files";
        Path here = context.workspace().clientFolder("client-transfers");
        Path source = fixtures.path(Fixtures.TREE);
        Path stored = fixtures.path(Fixtures.UPLOADS);
        Path baselineStored = fixtures.path(Fixtures.BASELINE_UPLOADS);
        inTurn(run, () -> {
            ours(tree + " get", here, "get", Fixtures.TREE);
            treeLanded(here, "the client's folder download");
        }, ssh == null ? null : () -> {
            sftp(ssh, tree + " get", here, "get tree", "get -r " + source + " " + here.resolve(Fixtures.TREE));
            treeLanded(here, "sftp's folder download");
        });
        inTurn(run, () -> {
            ours(tree + " put", here, "put", source.toString(), Fixtures.UPLOADS);
            treeLanded(stored, "the client's folder upload");
        }, ssh == null ? null : () -> {
            sftp(ssh, tree + " put", here, "put tree",
                    "put -r " + source + " " + baselineStored.resolve(Fixtures.TREE));
            treeLanded(baselineStored, "sftp's folder upload");
        });
    }

    /** A launch of bin/fileserver-client, its time recorded as ours for {@code what}. */
    private Launch.Ended ours(String what, Path here, String... words) throws IOException, InterruptedException {
        Launch.Ended ended = launches.launcher(javaHome, here, words).succeed();
        record(what + " ours", Rates.seconds(ended.nanos()));
        return ended;
    }

    /** A launch of sftp, its time recorded as sftp's for {@code what}. */
    private void sftp(OpenSsh ssh, String what, Path here, String name, String... batch)
            throws IOException, InterruptedException {
        record(what + " sftp", Rates.seconds(ssh.sftp(here, name, batch).succeed().nanos()));
    }

    /** Runs the steps (a null one is left out) one after another, starting from a different one each run. */
    private static void inTurn(int run, Step... steps) throws Exception {
        List<Step> present = new ArrayList<>();
        for (Step step : steps) {
            if (step != null) {
                present.add(step);
            }
        }
        for (int i = 0; i < present.size(); i++) {
            present.get((run + i) % present.size()).run();
        }
    }

    private void progress(int run) {
        StringBuilder line = new StringBuilder("client transfers, run " + (run + 1) + ":");
        values.forEach((key, list) -> {
            if (list.size() == run + 1) {
                line.append(String.format(" %s %.2f;", key, list.get(run)));
            }
        });
        BenchContext.progress(line.toString());
    }

    /** The client's summary rate in MB/s. */
    private static double rate(Launch.Ended ended) throws IOException {
        Matcher matcher = RATE.matcher(ended.output());
        if (!matcher.find()) {
            throw new IOException("the client printed no rate: " + ended.output().strip());
        }
        return Double.parseDouble(matcher.group(1)) * (1 << 20) / 1e6;
    }

    private void landed(Path file, String what) throws IOException {
        fixtures.sum(Fixtures.BIG).verify(Checksummed.of(file), what);
        Files.delete(file);
    }

    private void treeLanded(Path parent, String what) throws IOException {
        fixtures.verifyTree(parent, what);
        RecursiveDelete.delete(parent.resolve(Fixtures.TREE));
    }

    private void record(String key, double value) {
        values.computeIfAbsent(key, name -> new ArrayList<>()).add(value);
    }

    private Figure rate(String name, String key) {
        return Figure.measured(name, Unit.MB_PER_S, Samples.of(values.get(key)));
    }
}
