package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.digest.Sha256Pipeline;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerReader;

/**
 * What end-to-end SHA-256 costs and what resuming saves, on the big file. Digests on and off are
 * measured in the same run, alternating which goes first: with digests on, the server hashes as
 * it sends or writes, the client as it receives or reads, and the digest is checked at the other
 * end. A download is timed twice: with the digest the server kept from the last one, and with
 * none kept (the file's time moved), when the server hashes as it sends. A resumed transfer is cut at half first; then the rest is timed, and its share of the file
 * is what the server sent or received again (the frame's {@code file_len}, which is what the
 * server's byte meters count).
 */
final class IntegrityTransfers {

    private final BenchContext context;

    private final Fixtures fixtures;

    private final long size;

    IntegrityTransfers(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
        this.size = context.sizes().bigFile();
    }

    List<Figure> run() throws Exception {
        // the warm-up moved no digests: without this the first runs would time the JIT, not SHA-256
        for (int i = 0; i < 3; i++) {
            downloadChecked(0, "");
            uploadChecked(false);
        }
        Contender downloadOff = new Contender();
        Contender downloadKept = new Contender();
        Contender downloadFresh = new Contender();
        Contender uploadOff = new Contender();
        Contender uploadOn = new Contender();
        for (int run = 0; run < context.runs(); run++) {
            boolean offFirst = BenchContext.baselineFirst(run);
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == offFirst) {
                    downloadOff.time(this::downloadPlain);
                    uploadOff.time(this::uploadPlain);
                }
                else {
                    downloadKept.time(() -> rate(downloadChecked(0, "")));
                    forgetKeptDigest();
                    downloadFresh.time(() -> rate(downloadChecked(0, "")));
                    uploadOn.time(() -> rate(uploadChecked(false)));
                }
            }
            BenchContext.progress(String.format("%s with SHA-256, run %d: download %.0f (kept) / %.0f (hashed) / %.0f"
                    + " (off) MB/s, upload %.0f / %.0f (off) MB/s", context.sizes().bigFileLabel(), run + 1,
                    downloadKept.lastRate(), downloadFresh.lastRate(), downloadOff.lastRate(), uploadOn.lastRate(),
                    uploadOff.lastRate()));
        }
        List<Figure> figures = new ArrayList<>();
        Target ratio = Target.atLeast(0.85, Unit.RATIO);
        figures.add(Figure.measured("Download, digests off", Unit.MB_PER_S, Samples.of(downloadOff.rates)));
        figures.add(Figure.measured("Download, SHA-256 on, server's digest kept", Unit.MB_PER_S,
                Samples.of(downloadKept.rates)));
        figures.add(Figure.measured("Download, SHA-256 on, hashed by the server as it sends", Unit.MB_PER_S,
                Samples.of(downloadFresh.rates)));
        figures.add(Figure.measured("Download, ratio on (kept) / off", Unit.RATIO,
                Samples.of(Rates.ratios(downloadKept.rates, downloadOff.rates)), ratio));
        figures.add(Figure.measured("Download, ratio on (hashed) / off", Unit.RATIO,
                Samples.of(Rates.ratios(downloadFresh.rates, downloadOff.rates)), ratio));
        figures.add(Figure.measured("Upload, digests off", Unit.MB_PER_S, Samples.of(uploadOff.rates)));
        figures.add(Figure.measured("Upload, SHA-256 on", Unit.MB_PER_S, Samples.of(uploadOn.rates)));
        figures.add(Figure.measured("Upload, ratio on / off", Unit.RATIO,
                Samples.of(Rates.ratios(uploadOn.rates, uploadOff.rates)), ratio));
        figures.add(Figure.measured("Server CPU per GiB: download, digests off", Unit.SECONDS,
                Samples.of(downloadOff.cpuPerGib)));
        figures.add(Figure.measured("Server CPU per GiB: download, SHA-256 on, digest kept", Unit.SECONDS,
                Samples.of(downloadKept.cpuPerGib)));
        figures.add(Figure.measured("Server CPU per GiB: download, SHA-256 on, hashed", Unit.SECONDS,
                Samples.of(downloadFresh.cpuPerGib)));
        figures.add(Figure.measured("Server CPU per GiB: upload, digests off", Unit.SECONDS,
                Samples.of(uploadOff.cpuPerGib)));
        figures.add(Figure.measured("Server CPU per GiB: upload, SHA-256 on", Unit.SECONDS,
                Samples.of(uploadOn.cpuPerGib)));
        figures.add(Figure.fact("SHA-256 on this JVM, one core, in the bench's process",
                Unit.MB_PER_S.format(sha256Rate())));
        figures.addAll(resumed());
        return figures;
    }

    private interface Copy {
        /** One checked transfer; its rate in MB/s. */
        double run() throws Exception;
    }

    /** One way of moving the file: its rate and the server's CPU time per GiB, run by run. */
    private final class Contender {

        final List<Double> rates = new ArrayList<>();

        final List<Double> cpuPerGib = new ArrayList<>();

        void time(Copy transfer) throws Exception {
            double before = ProcCpu.seconds(context.serverPid());
            rates.add(transfer.run());
            cpuPerGib.add((ProcCpu.seconds(context.serverPid()) - before) * (1L << 30) / size);
        }

        double lastRate() {
            return last(rates);
        }
    }

    /** A new modification time: the server no longer vouches for the digest it kept, and hashes again. */
    private void forgetKeptDigest() throws IOException {
        Path big = fixtures.path(Fixtures.BIG);
        Files.setLastModifiedTime(big, FileTime.fromMillis(Files.getLastModifiedTime(big).toMillis() + 1000));
    }

    /** Plain SHA-256 over the big file's size, in memory: the cost the transfers pay on each side. */
    private double sha256Rate() {
        byte[] block = new byte[Transfer.BUFFER_SIZE];
        MessageDigest digest = Sha256.start();
        long started = System.nanoTime();
        for (long done = 0; done < size; done += block.length) {
            digest.update(block);
        }
        digest.digest();
        return Rates.megabytesPerSecond(size, System.nanoTime() - started);
    }

    /** Cut at half, then resumed: the share of the file moved again, and the time of the rest against a whole transfer. */
    private List<Figure> resumed() throws Exception {
        List<Double> downloadShare = new ArrayList<>();
        List<Double> downloadTime = new ArrayList<>();
        List<Double> uploadShare = new ArrayList<>();
        List<Double> uploadTime = new ArrayList<>();
        for (int run = 0; run < context.runs(); run++) {
            Timed whole = downloadChecked(0, "");
            Cut cut = cutDownload();
            Timed rest = downloadChecked(cut.held(), cut.version());
            downloadShare.add(100.0 * rest.bytes() / size);
            downloadTime.add((double) rest.nanos() / whole.nanos());
            Timed wholeUp = uploadChecked(false);
            cutUpload();
            Timed restUp = uploadChecked(true);
            uploadShare.add(100.0 * restUp.bytes() / size);
            uploadTime.add((double) restUp.nanos() / wholeUp.nanos());
            BenchContext.progress(String.format("resumed at half, run %d: download sent %.1f%% again, upload received"
                    + " %.1f%% again", run + 1, last(downloadShare), last(uploadShare)));
        }
        Target share = Target.atMost(60, Unit.PERCENT);
        return List.of(
                Figure.measured("Download cut at half, resumed: share of the file sent again", Unit.PERCENT,
                        Samples.of(downloadShare), share),
                Figure.measured("Download cut at half, resumed: time of the rest / a whole download", Unit.RATIO,
                        Samples.of(downloadTime)),
                Figure.measured("Upload cut at half, resumed: share of the file received again", Unit.PERCENT,
                        Samples.of(uploadShare), share),
                Figure.measured("Upload cut at half, resumed: time of the rest / a whole upload", Unit.RATIO,
                        Samples.of(uploadTime)));
    }

    private double downloadPlain() throws IOException {
        Path target = target();
        long started = System.nanoTime();
        Checksummed received = V1Session.downloadFile(context.serverPort(), Fixtures.BIG, target);
        long nanos = System.nanoTime() - started;
        fixtures.sum(Fixtures.BIG).verify(received, "download with digests off");
        Files.delete(target);
        return Rates.megabytesPerSecond(size, nanos);
    }

    private double uploadPlain() throws IOException {
        long started = System.nanoTime();
        V1Session.uploadFile(context.serverPort(), fixtures.path(Fixtures.BIG), Fixtures.UPLOADS);
        long nanos = System.nanoTime() - started;
        Path stored = fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.BIG);
        fixtures.sum(Fixtures.BIG).verify(Checksummed.of(stored), "upload with digests off");
        return Rates.megabytesPerSecond(size, nanos);
    }

    /**
     * Downloads with the trailer, hashing as the bytes land; from {@code offset} of {@code version}
     * on when resuming, the bytes already held hashed first. Checks the digest and the bytes.
     */
    private Timed downloadChecked(long offset, String version) throws IOException {
        Path target = target();
        String answer = "y digest=sha256" + (offset > 0 ? " offset=" + offset + " if=" + version : "");
        long started = System.nanoTime();
        long sent;
        try (V1Session session = V1Session.open(context.serverPort())) {
            FileHeader header = session.download(Fixtures.BIG, "file", answer);
            if (header.extensions().offset() != offset) {
                throw new IOException("asked for the rest from " + offset + ", got it from " + header.extensions().offset());
            }
            MessageDigest digest = Sha256.start();
            if (offset > 0) {
                hash(target, offset, digest);
            }
            String arrived;
            try (InputStream content = session.content(header);
                    OutputStream out = offset > 0 ? Files.newOutputStream(target, StandardOpenOption.APPEND)
                            : Files.newOutputStream(target)) {
                arrived = copyHashing(content, out, digest);
            }
            Sha256Trailer trailer = new TrailerReader(1).accept(session.receive());
            checkDigest(arrived, trailer.whole(), "download");
            sent = header.fileLen();
        }
        long nanos = System.nanoTime() - started;
        fixtures.sum(Fixtures.BIG).verify(Checksummed.of(target), "download with SHA-256");
        Files.delete(target);
        return new Timed(sent, nanos);
    }

    /** Uploads with the trailer, hashing as the file is read; with {@code resume}, only what the server did not keep. */
    private Timed uploadChecked(boolean resume) throws IOException {
        Path source = fixtures.path(Fixtures.BIG);
        FileHeader header = FileHeader.ofFile(Fixtures.BIG, 0644, size).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        long started = System.nanoTime();
        long sent;
        try (V1Session session = V1Session.open(context.serverPort()); InputStream in = Files.newInputStream(source)) {
            session.beginUpload(Fixtures.UPLOADS);
            MessageDigest digest = Sha256.start();
            long offset = 0;
            if (resume) {
                session.send("y resume size=" + size + " name=" + Fixtures.BIG);
                String[] answer = session.receive().split(" ");
                offset = Long.parseLong(answer[1]);
                hashPrefix(in, offset, digest);
                checkDigest(Sha256.hexSoFar(digest), answer[2], "kept part");
            }
            else {
                session.send("y");
            }
            FileHeader sentHeader = header.from(offset);
            String whole = copyHashing(in, session.sendHeader(sentHeader), digest);
            session.send("sha256 " + whole);
            session.awaitStored();
            sent = sentHeader.fileLen();
        }
        long nanos = System.nanoTime() - started;
        Path stored = fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.BIG);
        fixtures.sum(Fixtures.BIG).verify(Checksummed.of(stored), "upload with SHA-256");
        return new Timed(sent, nanos);
    }

    /** Half a download, then the connection closes; the half is left in the target file. */
    private Cut cutDownload() throws IOException {
        Path target = target();
        try (V1Session session = V1Session.open(context.serverPort());
                OutputStream out = Files.newOutputStream(target)) {
            FileHeader header = session.download(Fixtures.BIG, "file", "y digest=sha256");
            long held = copyPrefix(session.content(header), size / 2, out);
            return new Cut(held, header.extensions().version());
        }
    }

    /** Half an upload, then the connection closes; waits until the server has kept what it received. */
    private void cutUpload() throws IOException, InterruptedException {
        FileHeader header = FileHeader.ofFile(Fixtures.BIG, 0644, size).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        try (V1Session session = V1Session.open(context.serverPort());
                InputStream in = Files.newInputStream(fixtures.path(Fixtures.BIG))) {
            session.beginUpload(Fixtures.UPLOADS);
            session.send("y");
            OutputStream out = session.sendHeader(header);
            copyPrefix(in, size / 2, out);
            out.flush();
        }
        // the server keeps the part once it has read the end of the stream: a moment after the close
        Thread.sleep(500);
    }

    /** Copies and hashes beside the copy, as the shell client does; returns the digest. */
    private static String copyHashing(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        try (Sha256Pipeline pipeline = new Sha256Pipeline(digest)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                pipeline.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            out.flush();
            return pipeline.hex();
        }
    }

    private static void hash(Path file, long length, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            hashPrefix(in, length, digest);
        }
    }

    private static void hashPrefix(InputStream in, long length, MessageDigest digest) throws IOException {
        copyPrefix(in, length, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
    }

    /** Copies the first {@code length} bytes of {@code in} (fewer if it ends first); returns how many. */
    private static long copyPrefix(InputStream in, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        long copied = 0;
        int read;
        while (copied < length && (read = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied))) > 0) {
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    private static void checkDigest(String arrived, String announced, String what) throws ByteMismatchException {
        if (!arrived.equals(announced)) {
            throw new ByteMismatchException(what + ": SHA-256 " + arrived + " where " + announced + " was announced");
        }
    }

    private Path target() {
        return context.workspace().client().resolve("integrity.bin");
    }

    private double rate(Timed timed) {
        return Rates.megabytesPerSecond(size, timed.nanos());
    }

    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    private record Timed(long bytes, long nanos) {
    }

    private record Cut(long held, String version) {
    }
}
