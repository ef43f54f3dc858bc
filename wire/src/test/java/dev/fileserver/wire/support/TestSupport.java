package dev.fileserver.wire.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.TarballSource;

/**
 * Helpers shared by the wire tests: raw frames, random data, file trees and hand-built tarballs.
 * They cannot come from the test-support module, which is built on this one.
 */
public final class TestSupport {

    public static final int KIB = 1024;

    public static final int MIB = 1024 * KIB;

    /** The limits the hostile-input tests read with. */
    public static final FrameLimits LIMITS_64_KIB = new FrameLimits(64 * KIB, 64 * KIB);

    private TestSupport() {
    }

    public static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A 4-byte big-endian length header announcing {@code length} (read as unsigned by a peer). */
    public static byte[] lengthHeader(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    /** A whole frame as a v1 peer would send it: the body's length, then the body. */
    public static byte[] frame(byte[] body) {
        return concat(lengthHeader(body.length), body);
    }

    public static byte[] frame(String utf8Body) {
        return frame(utf8(utf8Body));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static InputStream streamOf(byte[]... parts) {
        return new ByteArrayInputStream(concat(parts));
    }

    /** A stream that hands over at most one byte per read, as a slow socket might. */
    public static InputStream trickle(byte[]... parts) {
        return new FilterInputStream(streamOf(parts)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    public interface IoAction {
        void run() throws Exception;
    }

    /** Bytes the current thread allocated while running {@code action}; its exception is swallowed. */
    public static long bytesAllocatedBy(IoAction action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            action.run();
        }
        catch (Exception expected) {
            // the caller asserts on the exception separately
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Sets the rwx bits of a path without going through {@link PosixModes}, so its bugs cannot cancel out. */
    public static void chmod(Path path, int mode) throws IOException {
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(rwx.toString()));
    }

    /** The full mode bits (setuid, setgid and sticky included) as the kernel reports them. */
    public static int unixMode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    public static String octal(int mode) {
        return String.format("%04o", mode);
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names directly inside {@code folder}, sorted. */
    public static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path below {@code root} (not {@code root} itself), links not followed. */
    public static List<Path> pathsBelow(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).toList();
        }
    }

    /**
     * A description of every path below {@code root}, keyed by its relative name with {@code /}:
     * a folder's permission bits; a file's permission bits, size and SHA-256; a link's target.
     */
    public static Map<String, String> describeTree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        for (Path path : pathsBelow(root)) {
            String name = root.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                tree.put(name, "link -> " + Files.readSymbolicLink(path));
            }
            else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                tree.put(name, "folder " + octal(PosixModes.read(path, -1)));
            }
            else {
                tree.put(name, "file " + octal(PosixModes.read(path, -1)) + " " + Files.size(path) + " bytes "
                        + sha256(path));
            }
        }
        return tree;
    }

    /** A file name of 150 characters, too long for a plain tar header. */
    public static final String LONG_NAME = "long-" + "n".repeat(141) + ".txt";

    public static final String NON_ASCII_NAME = "naïve-日本.txt";

    public static final Instant FIXED_TIME = Instant.parse("2021-03-04T05:06:07Z");

    /**
     * Creates {@code parent/project}: nested folders, an empty folder, an empty file, about 300 KB of
     * random bytes, a long and a non-ASCII name, and files and a folder with modes other than the default.
     */
    public static Path sampleTree(Path parent) throws IOException {
        Path project = Files.createDirectories(parent.resolve("project"));
        Files.writeString(Files.createDirectories(project.resolve("docs/guide")).resolve("intro.md"), "# Intro\n");
        Files.createDirectory(project.resolve("empty-folder"));
        Path secret = Files.writeString(Files.createDirectory(project.resolve("private")).resolve("secret.txt"), "s3cret");
        chmod(secret, 0600);
        chmod(secret.getParent(), 0700);
        Files.createFile(project.resolve("empty.txt"));
        Files.write(project.resolve("big.bin"), randomBytes(300_000, 42));
        Files.writeString(project.resolve(LONG_NAME), "a long name");
        Files.setLastModifiedTime(Files.writeString(project.resolve(NON_ASCII_NAME), "ünïcödé"),
                FileTime.from(FIXED_TIME));
        chmod(Files.writeString(project.resolve("run.sh"), "#!/bin/sh\necho hi\n"), 0755);
        return project;
    }

    /**
     * A folder tarball, packed as a folder download is, whose entries nest {@code depth} levels:
     * {@code top/}, {@code top/d/}, {@code top/d/d/} and so on, and at the bottom the file
     * {@code top/d/.../d/f} holding {@code "deepest"}, whose name has {@code depth} parts.
     */
    public static byte[] nestedFolders(String top, int depth) throws IOException {
        List<TarballSource.Entry> entries = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int level = 1; level < depth; level++) {
            entries.add(new ChainEntry(name.toString(), true, new byte[0]));
            name.append(name.length() == 0 ? "d" : "/d");
        }
        String file = name.length() == 0 ? "f" : name.substring(0, name.length() - 1) + "f";
        entries.add(new ChainEntry(file, false, utf8("deepest")));
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        DirectoryTarball.of(top, () -> entries).writeTo(archive);
        return archive.toByteArray();
    }

    private record ChainEntry(String name, boolean folder, byte[] content) implements TarballSource.Entry {

        @Override
        public long size() {
            return content.length;
        }

        @Override
        public int mode() {
            return folder ? 0755 : 0644;
        }

        @Override
        public FileTime modified() {
            return FileTime.from(FIXED_TIME);
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }

    public static TarballExtractor extractor() {
        return new TarballExtractor(new TarballLimits(64L * MIB, 10_000));
    }

    /**
     * A gzip tarball built entry by entry with whatever names, links and types a hostile peer
     * might send; names are kept as given (leading {@code /} and {@code ..} included).
     */
    public static final class HostileTarball {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private final TarArchiveOutputStream tar;

        public HostileTarball() throws IOException {
            tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
        }

        public HostileTarball folder(String name) throws IOException {
            return folder(name, 0755);
        }

        public HostileTarball folder(String name, int mode) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
            entry.setMode(040000 | mode);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        public HostileTarball file(String name, byte[] content) throws IOException {
            return file(name, content, 0644);
        }

        public HostileTarball file(String name, byte[] content, int mode) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setMode(0100000 | mode);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        }

        public HostileTarball file(String name, String content) throws IOException {
            return file(name, utf8(content));
        }

        public HostileTarball file(String name, String content, int mode) throws IOException {
            return file(name, utf8(content), mode);
        }

        public HostileTarball symlink(String name, String target) throws IOException {
            return link(name, TarConstants.LF_SYMLINK, target);
        }

        public HostileTarball hardLink(String name, String target) throws IOException {
            return link(name, TarConstants.LF_LINK, target);
        }

        /** An entry of another type (fifo, device, ...), with no content. */
        public HostileTarball special(String name, byte typeFlag) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, typeFlag, true);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        private HostileTarball link(String name, byte typeFlag, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, typeFlag, true);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        public byte[] toBytes() throws IOException {
            tar.close();
            return bytes.toByteArray();
        }
    }

    /**
     * A temporary folder holding the extraction {@code target} and, beside it, an {@code outside}
     * folder with one file: what an escaping archive would reach.
     */
    public static final class Sandbox {

        public final Path parent;

        public final Path target;

        public final Path outside;

        public final Path secret;

        private Sandbox(Path parent) throws IOException {
            this.parent = parent;
            this.target = Files.createDirectory(parent.resolve("target"));
            this.outside = Files.createDirectory(parent.resolve("outside"));
            this.secret = Files.writeString(outside.resolve("secret.txt"), "outside the target folder");
        }

        public static Sandbox in(Path parent) throws IOException {
            return new Sandbox(parent);
        }

        public List<String> extract(byte[] gzippedTar) throws IOException {
            return extractor().extract(new ByteArrayInputStream(gzippedTar), target);
        }

        /**
         * Nothing new beside the target, the outside folder untouched, and nothing inside the target
         * that is a link out of it or a second name of the outside file.
         */
        public void assertNothingEscaped() throws IOException {
            assertThat(namesIn(parent)).as("entries beside the target folder").containsExactly("outside", "target");
            assertThat(namesIn(outside)).as("entries in the outside folder").containsExactly("secret.txt");
            assertThat(secret).hasContent("outside the target folder");
            Path realTarget = target.toRealPath();
            List<String> escapes = new ArrayList<>();
            for (Path path : pathsBelow(target)) {
                if (Files.isSymbolicLink(path)) {
                    Path pointed = Files.exists(path)
                            ? path.toRealPath()
                            : path.getParent().toRealPath().resolve(Files.readSymbolicLink(path)).normalize();
                    if (!pointed.startsWith(realTarget)) {
                        escapes.add(path + " links to " + pointed);
                    }
                }
                else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(path, secret)) {
                    escapes.add(path + " is a hard link to " + secret);
                }
            }
            assertThat(escapes).as("paths in the target folder that reach outside it").isEmpty();
        }
    }
}
