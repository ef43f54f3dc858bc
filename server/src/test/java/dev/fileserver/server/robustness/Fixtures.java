package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.support.Trees;
import dev.fileserver.server.support.V1Client;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;

/**
 * What the robustness tests share: content produced and digested as a stream (never held whole),
 * polls with a deadline instead of sleeps, raw frames and hand-made tarballs no well-behaved
 * client would send.
 */
final class Fixtures {

    static final int MiB = 1024 * 1024;

    /** Far longer than anything awaited should take; reaching it means the awaited thing never happens. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private Fixtures() {
    }

    // ---- content as streams

    /** {@code length} pseudo-random bytes determined by {@code seed}, produced as they are read. */
    static InputStream randomBytes(long seed, long length) {
        return new InputStream() {

            private final SplittableRandom random = new SplittableRandom(seed);

            private long remaining = length;

            private long word;

            private int wordBytesLeft;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (remaining == 0) {
                    return -1;
                }
                int n = (int) Math.min(count, remaining);
                for (int i = offset; i < offset + n; i++) {
                    if (wordBytesLeft == 0) {
                        word = random.nextLong();
                        wordBytesLeft = 8;
                    }
                    buffer[i] = (byte) word;
                    word >>>= 8;
                    wordBytesLeft--;
                }
                remaining -= n;
                return n;
            }
        };
    }

    static byte[] randomArray(long seed, int length) throws IOException {
        return randomBytes(seed, length).readAllBytes();
    }

    /** {@code in}, with every byte read from it also written to {@code copy}. */
    static InputStream teed(InputStream in, OutputStream copy) {
        return new FilterInputStream(in) {

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int read = super.read(buffer, offset, count);
                if (read > 0) {
                    copy.write(buffer, offset, read);
                }
                return read;
            }
        };
    }

    /** Keeps only a SHA-256 and a count of what is written to it. */
    static final class Sha256Sink extends OutputStream {

        private final MessageDigest digest = newSha256();

        private long count;

        private String hex;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
            count += length;
        }

        long count() {
            return count;
        }

        /** The digest of everything written so far; nothing may be written after it is taken. */
        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }
    }

    /** Reads {@code in} to its end; the SHA-256 of what it held. */
    static String sha256(InputStream in) throws IOException {
        Sha256Sink sink = new Sha256Sink();
        in.transferTo(sink);
        return sink.hex();
    }

    static String sha256(byte[] bytes) throws IOException {
        return sha256(new ByteArrayInputStream(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- waiting

    interface Condition {

        boolean holds() throws Exception;
    }

    /** Polls until {@code condition} holds; fails naming {@code what} if it still does not at the deadline. */
    static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("still not true after " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Connects until the server accepts: a slot freed by a connection that just ended may be released
     * a moment after the client saw the connection close.
     */
    static V1Client acceptedClient(int port) throws Exception {
        V1Client[] accepted = new V1Client[1];
        await("a client is accepted on port " + port, () -> {
            V1Client client = V1Client.connect(port);
            if (client.receive().equals("Connection accepted")) {
                accepted[0] = client;
                return true;
            }
            client.close();
            return false;
        });
        return accepted[0];
    }

    /** The server closed the connection: the next read meets its end (or a reset), not a frame or a timeout. */
    static void assertClosedByServer(V1Client client) {
        assertThatThrownBy(client::receive).as("the connection should have been closed by the server")
                .isInstanceOfAny(EndOfStreamException.class, SocketException.class);
    }

    // ---- the served root

    /** The server's in-progress files anywhere under {@code root}. */
    static List<String> temporaries(Path root) throws IOException {
        return Trees.names(root).filter(name -> name.contains(StorageRoot.TEMPORARY_PREFIX)).toList();
    }

    // ---- conversations

    /** {@code /list} answered in full with the given names. */
    static void assertLists(V1Client client, String... names) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (String name : names) {
            listing.append(name).append('\n');
        }
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", listing.toString());
    }

    /** {@code /upload FOLDER}, {@code y}, then the file frame's header only: its content is the caller's to send. */
    static void beginUpload(V1Client client, String folder, FileHeader header) throws IOException {
        assertThat(client.request(folder.isEmpty() ? "/upload" : "/upload " + folder, 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendRaw(V1Client.headerFrame(header));
    }

    /** A whole upload into the root with {@code ack}; returns the server's status text. */
    static String uploadAcked(V1Client client, FileHeader header, byte[] content) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(header.withAck(), content);
        return client.receive();
    }

    /** Sends {@code length} bytes of {@code content} in pieces of at most one buffer. */
    static void sendPart(V1Client client, InputStream content, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("content ended " + remaining + " bytes early");
            }
            client.sendRaw(read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
            remaining -= read;
        }
    }

    /** Downloads {@code path} (a file, or a folder as a tarball) into {@code to}; returns the frame's header. */
    static FileHeader download(V1Client client, String path, String type, OutputStream to) throws IOException {
        assertThat(client.request("/download " + path, 2)).containsExactly("ok", type);
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        client.receiveContent(header, to);
        return header;
    }

    /** Full service: {@code /list} shows {@code file} and {@code /download} brings every byte of it. */
    static void assertServes(V1Client client, String file, String sha256) throws IOException {
        List<String> listing = client.request("/list", 3);
        assertThat(listing.subList(0, 2)).containsExactly("ok", "ok");
        assertThat(listing.get(2).split("\n")).contains(file);
        Sha256Sink received = new Sha256Sink();
        download(client, file, "file", received);
        assertThat(received.hex()).isEqualTo(sha256);
    }

    // ---- raw frames

    /** A frame's 4-byte length header alone, announcing {@code length} bytes (read as unsigned). */
    static byte[] lengthHeader(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- tarballs

    /** One entry of a hand-made tarball: a file, a folder, or a link ({@code linkTarget} set). */
    record TarEntry(String name, byte[] content, int mode, String linkTarget, byte linkFlag) {

        static TarEntry folder(String name) {
            return new TarEntry(name.endsWith("/") ? name : name + "/", new byte[0], 040755, null,
                    TarArchiveEntry.LF_DIR);
        }

        static TarEntry file(String name, byte[] content, int mode) {
            return new TarEntry(name, content, mode, null, TarArchiveEntry.LF_NORMAL);
        }

        static TarEntry file(String name, String content) {
            return file(name, utf8(content), 0100644);
        }

        static TarEntry symlink(String name, String target) {
            return new TarEntry(name, new byte[0], 0120777, target, TarArchiveEntry.LF_SYMLINK);
        }

        static TarEntry hardLink(String name, String target) {
            return new TarEntry(name, new byte[0], 0100644, target, TarArchiveEntry.LF_LINK);
        }
    }

    /** A gzip tarball of exactly these entries, names and link targets taken as they are. */
    static byte[] tarball(TarEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarEntry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name(), entry.linkFlag(), true);
                tarEntry.setMode(entry.mode());
                if (entry.linkTarget() != null) {
                    tarEntry.setLinkName(entry.linkTarget());
                }
                else {
                    tarEntry.setSize(entry.content().length);
                }
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A gzip tarball of the folder {@code folder} holding one file of {@code size} zero bytes: a few
     * hundred KiB that expand to {@code size}. The zeros are streamed, never held.
     */
    static byte[] zerosTarball(String folder, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry top = new TarArchiveEntry(folder + "/");
            tar.putArchiveEntry(top);
            tar.closeArchiveEntry();
            TarArchiveEntry zeros = new TarArchiveEntry(folder + "/zeros");
            zeros.setSize(size);
            tar.putArchiveEntry(zeros);
            byte[] chunk = new byte[64 * 1024];
            for (long left = size; left > 0; left -= chunk.length) {
                tar.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** A directory's file frame header for a tarball of {@code length} bytes. */
    static FileHeader directoryHeader(String name, long length) {
        return FileHeader.ofDirectory(name, 0755, length);
    }
}
