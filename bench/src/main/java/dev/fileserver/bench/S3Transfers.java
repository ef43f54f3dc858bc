package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.sync.RequestBody;

import dev.fileserver.testsupport.ProcessMemory;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The file server on the S3 backend against direct AWS SDK transfers to the same S3-compatible server
 * (S3Proxy in the harness's JVM, objects on the same disk), run by run: the big file down and up, the
 * folder of many small files down and up, and the server's resident memory meanwhile. Both sides pay
 * for the same store; what the ratio shows is the cost of going through the file server. The big
 * file also goes up resumable, as the shell client sends every file: past one part, the server
 * writes it at its kept part's hidden key and copies it to the final key inside the store.
 */
final class S3Transfers {

    private static final TarballExtractor EXTRACTOR = new TarballExtractor(new TarballLimits(1L << 40, 1_000_000));

    private static final String OURS = "our server on S3";

    private static final String DIRECT = "direct AWS SDK";

    private static final String RESUMABLE = "upload, resumable";

    private final BenchOptions options;

    private final Workspace workspace;

    private final List<Double> downloadGrowth = new ArrayList<>();

    private final List<Double> uploadGrowth = new ArrayList<>();

    private Fixtures fixtures;

    private DirectS3 direct;

    private int serverPort;

    private RssSampler sampler;

    private long idleBytes;

    S3Transfers(BenchOptions options, Workspace workspace) {
        this.options = options;
        this.workspace = workspace;
    }

    List<Figure> run() throws Exception {
        Path source = Files.createDirectories(workspace.base().resolve("s3-source"));
        BenchContext.progress("making the files under " + source);
        fixtures = Fixtures.create(source, options.sizes());
        try (LocalS3 s3 = LocalS3.start(workspace.base().resolve("s3-objects"), 64);
                DirectS3 transfers = new DirectS3(s3.client(), LocalS3.BUCKET)) {
            direct = transfers;
            direct.upload(fixtures.path(Fixtures.BIG), Fixtures.BIG);
            direct.uploadFolder(fixtures.path(Fixtures.TREE), Fixtures.TREE + "/");
            s3.client().putObject(request -> request.bucket(LocalS3.BUCKET).key(Fixtures.UPLOADS + "/"),
                    RequestBody.empty());
            try (ServerProcess server = options.serverLauncher(workspace.logs().resolve("server-s3.log"))
                    .start(workspace.root(), s3.serverArguments().toArray(String[]::new))) {
                serverPort = server.tcpPort();
                return measure(server);
            }
        }
        finally {
            RecursiveDelete.delete(source);
        }
    }

    private List<Figure> measure(ServerProcess server) throws Exception {
        // a little of everything, untimed, on both sides: class loading, the JIT and the heap's growth to
        // its working size are paid here, not by the first run
        for (String side : List.of(OURS, DIRECT)) {
            downloadBig(side);
            uploadBig(side, Extensions.NONE);
            downloadTree(side);
            uploadTree(side);
        }
        uploadBig(OURS, Extensions.NONE.withResumable());
        idleBytes = ProcessMemory.residentBytes(server.pid());
        Results big = new Results();
        Results tree = new Results();
        try (RssSampler rss = new RssSampler(server.pid())) {
            sampler = rss;
            long size = options.sizes().bigFile();
            for (int run = 0; run < options.runs(); run++) {
                for (String side : BenchContext.baselineFirst(run) ? List.of(DIRECT, OURS) : List.of(OURS, DIRECT)) {
                    double down = big.add("download", side, Rates.megabytesPerSecond(size, downloadBig(side)));
                    double up = big.add("upload", side, Rates.megabytesPerSecond(size,
                            uploadBig(side, Extensions.NONE)));
                    if (side.equals(OURS)) {
                        big.add(RESUMABLE, OURS, Rates.megabytesPerSecond(size,
                                uploadBig(OURS, Extensions.NONE.withResumable())));
                    }
                    double treeDown = tree.add("download", side, Rates.seconds(downloadTree(side)));
                    double treeUp = tree.add("upload", side, Rates.seconds(uploadTree(side)));
                    BenchContext.progress(String.format("S3 run %d, %s: %s down %.0f MB/s, up %.0f MB/s; "
                            + "folder down %.2f s, up %.2f s", run + 1, side, options.sizes().bigFileLabel(), down, up,
                            treeDown, treeUp));
                }
            }
        }
        return figures(big, tree);
    }

    private List<Figure> figures(Results big, Results tree) {
        String size = options.sizes().bigFileLabel();
        String folder = "Folder of " + fixtures.treeFiles().size() + " × 4 KiB";
        List<Figure> figures = new ArrayList<>();
        for (String direction : List.of("download", "upload")) {
            figures.addAll(compared(size + " " + direction, Unit.MB_PER_S, big.of(direction, OURS),
                    big.of(direction, DIRECT), Target.atLeast(0.8, Unit.RATIO)));
        }
        List<Double> resumable = big.of(RESUMABLE, OURS);
        figures.add(Figure.measured(size + " " + RESUMABLE + ", " + OURS, Unit.MB_PER_S, Samples.of(resumable)));
        figures.add(Figure.measured(size + " " + RESUMABLE + ", speed ratio ours / direct", Unit.RATIO,
                Samples.of(Rates.ratios(resumable, big.of("upload", DIRECT)))));
        for (String direction : List.of("download", "upload")) {
            figures.addAll(compared(folder + ", " + direction, Unit.SECONDS, tree.of(direction, OURS),
                    tree.of(direction, DIRECT), Target.NONE));
        }
        figures.add(Figure.fact("Server RSS idle, after warm-up", Unit.MIB.format(Rates.mebibytes(idleBytes))));
        // one upload holds at most parts-in-flight × part-size of buffers, on top of the usual growth
        Target flat = Target.atMost(64 + DirectS3.IN_FLIGHT * DirectS3.PART_SIZE / (double) Sizes.MIB, Unit.MIB);
        figures.add(Figure.measured("Server RSS growth during a " + size + " download (peak − idle)", Unit.MIB,
                Samples.of(downloadGrowth), flat));
        figures.add(Figure.measured("Server RSS growth during a " + size + " upload (peak − idle)", Unit.MIB,
                Samples.of(uploadGrowth), flat));
        return figures;
    }

    /** Ours, direct, and how much faster ours went run by run (below 1: slower), rates or times alike. */
    private static List<Figure> compared(String what, Unit unit, List<Double> ours, List<Double> direct,
            Target target) {
        // a rate is better higher, a time lower
        List<Double> speed = unit == Unit.SECONDS ? Rates.ratios(direct, ours) : Rates.ratios(ours, direct);
        return List.of(Figure.measured(what + ", " + OURS, unit, Samples.of(ours)),
                Figure.measured(what + ", " + DIRECT, unit, Samples.of(direct)),
                Figure.measured(what + ", speed ratio ours / direct", Unit.RATIO, Samples.of(speed), target));
    }

    /** Nanoseconds to download the big file into a local file, checked. */
    private long downloadBig(String side) throws Exception {
        Path target = workspace.client().resolve("s3-download.bin");
        restartSampler();
        long started = System.nanoTime();
        Checksummed received = side.equals(OURS) ? V1Session.downloadFile(serverPort, Fixtures.BIG, target)
                : direct.download(Fixtures.BIG, target);
        long nanos = System.nanoTime() - started;
        noteGrowth(side, downloadGrowth);
        fixtures.sum(Fixtures.BIG).verify(received, side + " download");
        Files.delete(target);
        return nanos;
    }

    /** Nanoseconds to upload the big file until it is stored, checked by reading it back; ours with {@code extensions}. */
    private long uploadBig(String side, Extensions extensions) throws Exception {
        Path source = fixtures.path(Fixtures.BIG);
        String key = Fixtures.UPLOADS + "/" + Fixtures.BIG;
        restartSampler();
        long started = System.nanoTime();
        if (side.equals(OURS)) {
            V1Session.uploadFile(serverPort, source, Fixtures.UPLOADS, extensions);
        }
        else {
            direct.upload(source, key);
        }
        long nanos = System.nanoTime() - started;
        noteGrowth(side, uploadGrowth);
        fixtures.sum(Fixtures.BIG).verify(direct.read(key), side + " upload");
        direct.deleteUnder(key);
        return nanos;
    }

    /** Nanoseconds to have every file of the folder in a local folder, checked. */
    private long downloadTree(String side) throws Exception {
        Path into = workspace.clientFolder("s3-tree");
        long started = System.nanoTime();
        if (side.equals(OURS)) {
            try (V1Session session = V1Session.open(serverPort)) {
                FileHeader header = session.download(Fixtures.TREE, "dir");
                try (InputStream tarball = session.content(header)) {
                    EXTRACTOR.extract(tarball, into);
                }
            }
        }
        else {
            direct.downloadFolder(Fixtures.TREE + "/", into.resolve(Fixtures.TREE));
        }
        long nanos = System.nanoTime() - started;
        fixtures.verifyTree(into, side + " folder download");
        RecursiveDelete.delete(into);
        return nanos;
    }

    /** Nanoseconds from scanning the folder to every file stored, checked by downloading them directly. */
    private long uploadTree(String side) throws Exception {
        String prefix = Fixtures.UPLOADS + "/" + Fixtures.TREE + "/";
        long started = System.nanoTime();
        if (side.equals(OURS)) {
            DirectoryTarball tarball = DirectoryTarball.scan(fixtures.path(Fixtures.TREE), path -> true);
            try (V1Session session = V1Session.open(serverPort)) {
                session.enableUploadAck();
                OutputStream out = session.upload(Fixtures.UPLOADS,
                        FileHeader.ofDirectory(Fixtures.TREE, 0755, tarball.length()));
                tarball.writeTo(out);
                session.awaitStored();
            }
        }
        else {
            direct.uploadFolder(fixtures.path(Fixtures.TREE), prefix);
        }
        long nanos = System.nanoTime() - started;
        Path check = workspace.clientFolder("s3-tree-check");
        direct.downloadFolder(prefix, check.resolve(Fixtures.TREE));
        fixtures.verifyTree(check, side + " folder upload");
        RecursiveDelete.delete(check);
        direct.deleteUnder(prefix);
        return nanos;
    }

    private void restartSampler() {
        if (sampler != null) {
            sampler.restart();
        }
    }

    private void noteGrowth(String side, List<Double> growth) {
        if (sampler != null && side.equals(OURS)) {
            growth.add(Rates.mebibytes(sampler.peakBytes() - idleBytes));
        }
    }

    /** Figures by direction and side, in the order measured. */
    private static final class Results {

        private final Map<String, List<Double>> values = new LinkedHashMap<>();

        /** Notes {@code value}, and returns it. */
        double add(String direction, String side, double value) {
            values.computeIfAbsent(direction + "|" + side, key -> new ArrayList<>()).add(value);
            return value;
        }

        List<Double> of(String direction, String side) {
            return values.get(direction + "|" + side);
        }
    }
}
