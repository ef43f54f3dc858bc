package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * A folder of many 4 KiB files down and up as the v1 wire carries it, a gzip tar. The download is
 * timed to the tarball's last byte, then again once the client has unpacked it; the upload until
 * the server answers that it has unpacked and placed the folder.
 */
final class DirectoryTransfers {

    private static final TarballExtractor EXTRACTOR = new TarballExtractor(new TarballLimits(1L << 40, 1_000_000));

    private final BenchContext context;

    private final Fixtures fixtures;

    DirectoryTransfers(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    /** Nanoseconds to the tarball's last byte and to the last file unpacked; {@code tar}'s own unpack of it. */
    private record Download(long receivedNanos, long unpackedNanos, long tarNanos, long tarballBytes) {
    }

    List<Figure> run() throws IOException, InterruptedException {
        boolean tar = Tar.installed();
        download(-1, tar);
        upload();
        List<Double> received = new ArrayList<>();
        List<Double> unpacked = new ArrayList<>();
        List<Double> tarUnpacked = new ArrayList<>();
        List<Double> uploaded = new ArrayList<>();
        long tarballBytes = 0;
        for (int run = 0; run < context.runs(); run++) {
            Download download = download(run, tar);
            received.add(Rates.seconds(download.receivedNanos()));
            unpacked.add(Rates.seconds(download.unpackedNanos()));
            tarUnpacked.add(Rates.seconds(download.tarNanos()));
            tarballBytes = download.tarballBytes();
            uploaded.add(Rates.seconds(upload()));
            BenchContext.progress(String.format("folder of %d files, run %d: download %.3f s (%.3f s unpacked), "
                    + "upload %.3f s", fixtures.treeFiles().size(), run + 1, received.get(run), unpacked.get(run),
                    uploaded.get(run)));
        }
        String what = "Folder of " + fixtures.treeFiles().size() + " × 4 KiB";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.measured(what + ", download (tarball received)", Unit.SECONDS, Samples.of(received),
                        Target.atMost(0.5, Unit.SECONDS)),
                Figure.measured(what + ", download and unpack at the client", Unit.SECONDS, Samples.of(unpacked)),
                Figure.measured(what + ", upload (stored and unpacked at the server)", Unit.SECONDS,
                        Samples.of(uploaded))));
        figures.add(tar
                ? Figure.measured(what + ", tar -xzf of the same tarball (the file system's floor)", Unit.SECONDS,
                        Samples.of(tarUnpacked))
                : Figure.unavailable(what + ", tar -xzf of the same tarball", "tar is not installed", Target.NONE));
        figures.add(Figure.fact("Folder tarball size", Unit.MIB.format(Rates.mebibytes(tarballBytes))));
        return figures;
    }

    private Download download(int run, boolean tar) throws IOException, InterruptedException {
        Path tarball = context.workspace().client().resolve("tree.tar.gz");
        Path into = context.workspace().clientFolder("tree-download");
        long started = System.nanoTime();
        long length;
        try (V1Client session = V1Client.connectAccepted(context.serverPort())) {
            FileHeader header = session.download(Fixtures.TREE, "dir");
            length = header.fileLen();
            Checksummed received = Checksummed.copyToFile(session.content(header), tarball);
            if (received.length() != length) {
                throw new ByteMismatchException("folder download: " + received.length() + " of " + length + " bytes");
            }
        }
        long receivedAt = System.nanoTime();
        try (InputStream in = Files.newInputStream(tarball)) {
            EXTRACTOR.extract(in, into);
        }
        long unpackedAt = System.nanoTime();
        fixtures.verifyTree(into, "folder download, run " + (run + 1));
        RecursiveDelete.delete(into);
        long tarNanos = tar ? Tar.unpack(tarball, context.workspace().clientFolder("tree-tar")) : 0;
        Files.delete(tarball);
        return new Download(receivedAt - started, unpackedAt - started, tarNanos, length);
    }

    /** Nanoseconds from scanning the folder to the server's answer that it is stored. */
    private long upload() throws IOException {
        Path uploads = fixtures.path(Fixtures.UPLOADS);
        long started = System.nanoTime();
        DirectoryTarball tarball = DirectoryTarball.scan(fixtures.path(Fixtures.TREE), path -> true);
        try (V1Client session = V1Client.connectAccepted(context.serverPort())) {
            session.enableUploadAck();
            OutputStream out = session.beginUpload(Fixtures.UPLOADS,
                    FileHeader.ofDirectory(Fixtures.TREE, 0755, tarball.length()).withAck());
            tarball.writeTo(out);
            session.expect("ok");
        }
        long nanos = System.nanoTime() - started;
        fixtures.verifyTree(uploads, "folder upload");
        RecursiveDelete.delete(uploads.resolve(Fixtures.TREE));
        return nanos;
    }
}
