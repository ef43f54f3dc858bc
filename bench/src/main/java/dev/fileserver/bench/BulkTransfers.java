package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.bench.Contenders.Copy;
import dev.fileserver.testsupport.ProcessMemory;

/**
 * One big file down and up, our server against the raw baselines run by run, with the server's
 * resident memory sampled throughout: throughput, its ratio to the baselines, memory growth.
 */
final class BulkTransfers {

    private static final String OURS = "our server";

    private static final String RAW = "raw Java";

    private final BenchContext context;

    private final Fixtures fixtures;

    private final long size;

    private final List<Double> downloadGrowth = new ArrayList<>();

    private final List<Double> uploadGrowth = new ArrayList<>();

    private RssSampler sampler;

    private long idleBytes;

    BulkTransfers(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
        this.size = context.sizes().bigFile();
    }

    List<Figure> run() throws Exception {
        idleBytes = ProcessMemory.residentBytes(context.serverPid());
        Map<String, List<Double>> downloads;
        Map<String, List<Double>> uploads;
        try (RssSampler rss = new RssSampler(context.serverPid())) {
            sampler = rss;
            downloads = measure("download", downloads());
            uploads = measure("upload", uploads());
        }
        long highWater = ProcessMemory.peakResidentBytes(context.serverPid());
        List<Figure> figures = new ArrayList<>();
        figures.addAll(rates("Download", downloads));
        figures.addAll(rates("Upload", uploads));
        figures.add(Figure.fact("Server RSS idle, after warm-up", Unit.MIB.format(Rates.mebibytes(idleBytes))));
        Target flat = Target.atMost(64, Unit.MIB);
        figures.add(Figure.measured("Server RSS growth during a download (peak − idle)", Unit.MIB,
                Samples.of(downloadGrowth), flat));
        figures.add(Figure.measured("Server RSS growth during an upload (peak − idle)", Unit.MIB,
                Samples.of(uploadGrowth), flat));
        figures.add(Figure.fact("Server VmHWM after the transfers (start-up included)",
                Unit.MIB.format(Rates.mebibytes(highWater))));
        return figures;
    }

    private Map<String, List<Double>> measure(String what, Map<String, Copy> contenders) throws Exception {
        return Contenders.measure(context, what, contenders, OURS);
    }

    private List<Figure> rates(String direction, Map<String, List<Double>> rates) {
        List<Figure> figures = new ArrayList<>();
        List<Double> ours = rates.get(OURS);
        figures.add(Figure.measured(direction + ", " + OURS, Unit.MB_PER_S, Samples.of(ours)));
        rates.forEach((name, values) -> {
            if (!name.equals(OURS)) {
                figures.add(Figure.measured(direction + ", " + name, Unit.MB_PER_S, Samples.of(values)));
            }
        });
        rates.forEach((name, values) -> {
            if (!name.equals(OURS)) {
                Target target = name.equals(RAW) ? Target.atLeast(0.9, Unit.RATIO) : Target.NONE;
                figures.add(Figure.measured(direction + ", ratio ours / " + name, Unit.RATIO,
                        Samples.of(Rates.ratios(ours, values)), target));
            }
        });
        return figures;
    }

    private Map<String, Copy> downloads() {
        Map<String, Copy> copies = new LinkedHashMap<>();
        Path target = context.workspace().client().resolve("download.bin");
        copies.put(RAW, () -> {
            long started = System.nanoTime();
            Checksummed received = RawClient.get(context.rawPort(), Fixtures.BIG, target);
            long nanos = System.nanoTime() - started;
            return checked(received, target, nanos, "raw Java download");
        });
        for (ExternalCopy tool : context.tools()) {
            copies.put(tool.name(), () -> {
                ExternalCopy.Timed copy = tool.download(fixtures.path(Fixtures.BIG), target);
                return checked(copy.received(), target, copy.nanos(), tool.name() + " download");
            });
        }
        copies.put(OURS, () -> {
            sampler.restart();
            long started = System.nanoTime();
            Checksummed received = OneFileSessions.download(context.serverPort(), Fixtures.BIG, target);
            long nanos = System.nanoTime() - started;
            downloadGrowth.add(Rates.mebibytes(sampler.peakBytes() - idleBytes));
            return checked(received, target, nanos, "download from our server");
        });
        return copies;
    }

    private Map<String, Copy> uploads() {
        Map<String, Copy> copies = new LinkedHashMap<>();
        Path source = fixtures.path(Fixtures.BIG);
        Path baselineTarget = fixtures.path(Fixtures.BASELINE_UPLOADS).resolve(Fixtures.BIG);
        copies.put(RAW, () -> {
            long started = System.nanoTime();
            RawClient.put(context.rawPort(), source, Fixtures.BASELINE_UPLOADS + "/" + Fixtures.BIG);
            long nanos = System.nanoTime() - started;
            return checked(Checksummed.of(baselineTarget), baselineTarget, nanos, "raw Java upload");
        });
        for (ExternalCopy tool : context.tools()) {
            copies.put(tool.name(), () -> {
                ExternalCopy.Timed copy = tool.upload(source, baselineTarget);
                return checked(Checksummed.of(baselineTarget), baselineTarget, copy.nanos(), tool.name() + " upload");
            });
        }
        copies.put(OURS, () -> {
            Path stored = fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.BIG);
            sampler.restart();
            long started = System.nanoTime();
            OneFileSessions.upload(context.serverPort(), source, Fixtures.UPLOADS);
            long nanos = System.nanoTime() - started;
            uploadGrowth.add(Rates.mebibytes(sampler.peakBytes() - idleBytes));
            return checked(Checksummed.of(stored), stored, nanos, "upload to our server");
        });
        return copies;
    }

    /** Checks what arrived against the source, removes it, and gives the rate. */
    private double checked(Checksummed received, Path arrived, long nanos, String what) throws IOException {
        fixtures.sum(Fixtures.BIG).verify(received, what);
        Files.delete(arrived);
        return Rates.megabytesPerSecond(size, nanos);
    }
}
