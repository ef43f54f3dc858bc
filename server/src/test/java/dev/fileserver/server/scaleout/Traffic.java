package dev.fileserver.server.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.SplittableRandom;

import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * What the scale-out tests do over the v1 wire, step by step so that a test can stop between steps:
 * an upload begun, its content sent in pieces, its acknowledgement awaited; a download read into a
 * digest. Content is pseudo-random, made as it is read, so a large file is never held whole.
 */
final class Traffic {

    static final int MiB = 1024 * 1024;

    private Traffic() {
    }

    /** {@code length} pseudo-random bytes determined by {@code seed}, made a piece at a time as they are read. */
    static InputStream content(long seed, long length) {
        SplittableRandom random = new SplittableRandom(seed);
        int piece = 64 * 1024;
        Enumeration<InputStream> pieces = new Enumeration<>() {

            private long made;

            @Override
            public boolean hasMoreElements() {
                return made < length;
            }

            @Override
            public InputStream nextElement() {
                byte[] bytes = new byte[(int) Math.min(piece, length - made)];
                random.nextBytes(bytes);
                made += bytes.length;
                return new ByteArrayInputStream(bytes);
            }
        };
        return new SequenceInputStream(pieces);
    }

    /** The SHA-256 of {@link #content}. */
    static String digestOf(long seed, long length) throws IOException {
        Digest digest = new Digest();
        content(seed, length).transferTo(digest);
        return digest.hex();
    }

    /** {@code /upload FOLDER}, {@code y}, and the header of a file frame asking for an acknowledgement. */
    static void beginUpload(V1Client client, String folder, String name, long length) throws IOException {
        assertThat(client.request(folder.isEmpty() ? "/upload" : "/upload " + folder, 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendRaw(V1Client.headerFrame(FileHeader.ofFile(name, 0644, length).withAck()));
    }

    /** Sends the next {@code length} bytes of {@code content}. */
    static void send(V1Client client, InputStream content, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            client.sendRaw(read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
            remaining -= read;
        }
    }

    /** A whole upload with its acknowledgement: {@code ok} or the server's error text. */
    static String upload(V1Client client, String folder, String name, long seed, long length) throws IOException {
        beginUpload(client, folder, name, length);
        send(client, content(seed, length), length);
        return client.receive();
    }

    /** {@code /download PATH} and {@code y}: the header of the frame whose content follows. */
    static FileHeader beginDownload(V1Client client, String path, String type) throws IOException {
        assertThat(client.request("/download " + path, 2)).containsExactly("ok", type);
        client.send("y");
        return client.receiveFileHeader();
    }

    /** A whole file download: the SHA-256 of what arrived. */
    static String download(V1Client client, String path) throws IOException {
        FileHeader header = beginDownload(client, path, "file");
        Digest digest = new Digest();
        client.receiveContent(header, digest);
        return digest.hex();
    }

    /** The names a {@code /list} answers with, one per line. */
    static String list(V1Client client, String path) throws IOException {
        var reply = client.request(path.isEmpty() ? "/list" : "/list " + path, 3);
        assertThat(reply.subList(0, 2)).containsExactly("ok", "ok");
        return reply.get(2);
    }

    /** Keeps a SHA-256 and a count of what is written to it, nothing else. */
    static final class Digest extends OutputStream {

        private final MessageDigest sha256;

        private final DigestOutputStream out;

        private long count;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        long count() {
            return count;
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    /** Something a test does in the middle of a transfer. */
    interface Step {
        void run() throws Exception;
    }

    /** Passes bytes on to {@code to}, and does {@code step} once, when {@code threshold} bytes have passed. */
    static OutputStream tripwire(OutputStream to, long threshold, Step step) {
        return new OutputStream() {

            private long count;

            private boolean tripped;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                to.write(bytes, offset, length);
                count += length;
                if (!tripped && count >= threshold) {
                    tripped = true;
                    try {
                        step.run();
                    }
                    catch (Exception e) {
                        throw new IllegalStateException("the step in the middle of the transfer failed", e);
                    }
                }
            }
        };
    }
}
