package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.bench.Contenders.Copy;

/**
 * The big file down and up against the strongest receivers and senders Java can be: the 64 KiB
 * stream copy of the raw baseline, NIO channels with a 1 MiB direct buffer, and
 * {@code transferTo}/{@code transferFrom} (sendfile; the JDK reaches no splice). The client side
 * is the same plain 64 KiB copy for all, ours included, so the figures compare servers. A download
 * is checksummed as it arrives and written nowhere: a file written by the receiver would time the
 * receiving disk, not the server (on a virtual machine, a page written for the first time can
 * cost a fault in the host, and the rate of every contender fell to that of those faults). Per
 * run our rate is divided by the best baseline's in that run.
 */
final class StrongestBaselines {

    private static final String OURS = "our server";

    private final BenchContext context;

    private final Fixtures fixtures;

    StrongestBaselines(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    List<Figure> run() throws Exception {
        Path logs = context.workspace().logs();
        String root = fixtures.root().toString();
        try (RawServerProcess zeroCopy = RawServerProcess.launch(logs.resolve("zero-copy.log"), ChannelServer.class,
                root, ChannelServer.ZERO_COPY);
                RawServerProcess direct = RawServerProcess.launch(logs.resolve("direct.log"), ChannelServer.class,
                        root, ChannelServer.DIRECT)) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("raw Java, 64 KiB streams", context.rawPort());
            ports.put("NIO, 1 MiB direct buffer", direct.awaitPort());
            ports.put("transferTo / transferFrom", zeroCopy.awaitPort());
            List<Figure> figures = new ArrayList<>();
            figures.addAll(compare("Download", "sendfile for transferTo", measure("download", downloads(ports))));
            figures.addAll(compare("Upload", "transferFrom", measure("upload", uploads(ports))));
            return figures;
        }
    }

    private Map<String, List<Double>> measure(String what, Map<String, Copy> contenders) throws Exception {
        return Contenders.measure(context, what, contenders, OURS);
    }

    private static List<Figure> compare(String direction, String zeroCopyNote, Map<String, List<Double>> rates) {
        List<Figure> figures = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        rates.forEach((name, values) -> {
            String label = name.startsWith("transferTo") ? name + " (" + zeroCopyNote + ")" : name;
            figures.add(Figure.measured(direction + ", " + label, Unit.MB_PER_S, Samples.of(values)));
            if (!name.equals(OURS)) {
                for (int run = 0; run < values.size(); run++) {
                    if (best.size() <= run) {
                        best.add(values.get(run));
                    }
                    else {
                        best.set(run, Math.max(best.get(run), values.get(run)));
                    }
                }
            }
        });
        figures.add(Figure.measured(direction + ", ratio ours / the best baseline of each run", Unit.RATIO,
                Samples.of(Rates.ratios(rates.get(OURS), best)), Target.atLeast(0.9, Unit.RATIO)));
        return figures;
    }

    private Map<String, Copy> downloads(Map<String, Integer> ports) {
        Map<String, Copy> copies = new LinkedHashMap<>();
        ports.forEach((name, port) -> copies.put(name,
                () -> checked(() -> RawClient.get(port, Fixtures.BIG), null, name + " download")));
        copies.put(OURS, () -> checked(() -> OneFileSessions.download(context.serverPort(), Fixtures.BIG),
                null, "download from our server"));
        return copies;
    }

    private Map<String, Copy> uploads(Map<String, Integer> ports) {
        Path source = fixtures.path(Fixtures.BIG);
        Path baselineTarget = fixtures.path(Fixtures.BASELINE_UPLOADS).resolve(Fixtures.BIG);
        Path ours = fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.BIG);
        Map<String, Copy> copies = new LinkedHashMap<>();
        ports.forEach((name, port) -> copies.put(name, () -> checked(() -> {
            RawClient.put(port, source, Fixtures.BASELINE_UPLOADS + "/" + Fixtures.BIG);
            return null;
        }, baselineTarget, name + " upload")));
        copies.put(OURS, () -> checked(() -> {
            OneFileSessions.upload(context.serverPort(), source, Fixtures.UPLOADS);
            return null;
        }, ours, "upload to our server"));
        return copies;
    }

    private interface Transfer {
        /** The transfer; the checksum of what arrived as it streamed in, or null to read it back afterwards. */
        Checksummed run() throws IOException;
    }

    /**
     * Times the transfer (reading an upload back for its checksum is not counted), checks it and
     * removes the file it left, if any ({@code arrived} null: a download, kept nowhere).
     */
    private double checked(Transfer transfer, Path arrived, String what) throws IOException {
        long started = System.nanoTime();
        Checksummed received = transfer.run();
        long nanos = System.nanoTime() - started;
        fixtures.sum(Fixtures.BIG).verify(received != null ? received : Checksummed.of(arrived), what);
        if (arrived != null) {
            Files.delete(arrived);
        }
        return Rates.megabytesPerSecond(context.sizes().bigFile(), nanos);
    }
}
