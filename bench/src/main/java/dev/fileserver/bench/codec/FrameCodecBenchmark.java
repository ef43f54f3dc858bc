package dev.fileserver.bench.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.archive.DirectoryTarball;

/**
 * The wire codec without sockets or disks: what a request frame, a file header, a megabyte of
 * content and a small folder's tarball cost to write and read. Run with {@code bench/run --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameCodecBenchmark {

    private static final int CONTENT_BYTES = 1024 * 1024;

    private static final int FOLDER_FILES = 200;

    private byte[] requestFrame;

    private byte[] headerFrame;

    private byte[] fileFrame;

    private FileHeader header;

    private Path folder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        requestFrame = frame(writer -> writer.writeText("/download photos/2024/holiday.jpg"));
        header = FileHeader.ofFile("holiday.jpg", 0644, CONTENT_BYTES);
        headerFrame = frame(writer -> writer.writeFileHeader(header));
        byte[] content = new byte[CONTENT_BYTES];
        new Random(1).nextBytes(content);
        fileFrame = frame(writer -> writer.writeFile(header, new ByteArrayInputStream(content)));
        folder = Files.createTempDirectory("codec-bench-").resolve("folder");
        Files.createDirectory(folder);
        byte[] small = new byte[4096];
        for (int i = 0; i < FOLDER_FILES; i++) {
            Files.write(folder.resolve(String.format("file-%04d.bin", i)), small);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(folder.getParent())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public String readRequestFrame() throws IOException {
        return new FrameReader(new ByteArrayInputStream(requestFrame), FrameLimits.DEFAULT).readText();
    }

    @Benchmark
    public byte[] writeRequestFrame() throws IOException {
        return frame(writer -> writer.writeText("/download photos/2024/holiday.jpg"));
    }

    @Benchmark
    public FileHeader readFileHeader() throws IOException {
        return new FrameReader(new ByteArrayInputStream(headerFrame), FrameLimits.DEFAULT).readFileHeader();
    }

    @Benchmark
    public byte[] writeFileHeader() throws IOException {
        return frame(writer -> writer.writeFileHeader(header));
    }

    /** A whole 1 MiB file frame read and its content copied out, 64 KiB at a time. */
    @Benchmark
    public long readFileFrame() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(fileFrame), FrameLimits.DEFAULT);
        return reader.copyContent(reader.readFileHeader(), OutputStream.nullOutputStream());
    }

    /** A folder of 200 × 4 KiB files as a stored-gzip tarball, from the page cache to nowhere. */
    @Benchmark
    public DirectoryTarball writeFolderTarball() throws IOException {
        DirectoryTarball scanned = DirectoryTarball.scan(folder, path -> true);
        scanned.writeTo(OutputStream.nullOutputStream());
        return scanned;
    }

    private interface Writing {
        void to(FrameWriter writer) throws IOException;
    }

    private static byte[] frame(Writing writing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writing.to(new FrameWriter(bytes));
        return bytes.toByteArray();
    }
}
