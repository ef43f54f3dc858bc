package dev.fileserver.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.wire.Transfer;

/** The client side of the baselines: the same 64 KiB copies as the v1 client's, without a protocol. */
final class RawClient {

    private RawClient() {
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return socket;
        }
        catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** {@code GET} from the raw server into {@code target}. */
    static Checksummed get(int port, String path, Path target) throws IOException {
        return get(connect(port), path, target);
    }

    /** {@code GET} of {@code path}, checksummed as it streams in and kept nowhere. */
    static Checksummed get(int port, String path) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(("GET " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return Checksummed.copy(socket.getInputStream(), OutputStream.nullOutputStream());
        }
    }

    /** {@code GET} on a connection already made, which is closed afterwards. */
    static Checksummed get(Socket connected, String path, Path target) throws IOException {
        try (Socket socket = connected) {
            socket.getOutputStream().write(("GET " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return Checksummed.copyToFile(socket.getInputStream(), target);
        }
    }

    /** {@code PUT} of {@code source} to the raw server; returns once the server has closed the file. */
    static void put(int port, Path source, String path) throws IOException {
        put(connect(port), source, path);
    }

    /** {@code PUT} on a connection already made (inside TLS, say), which is closed afterwards. */
    static void put(Socket connected, Path source, String path) throws IOException {
        long length = Files.size(source);
        try (Socket socket = connected; InputStream file = Files.newInputStream(source)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " " + length + "\n").getBytes(StandardCharsets.UTF_8));
            Transfer.copy(file, out);
            out.flush();
            if (socket.getInputStream().read() != 'k') {
                throw new IOException("the raw server did not confirm the upload");
            }
        }
    }

    /** An open {@code ECHO} connection: each call is one round trip of a small frame. */
    static final class Echo implements AutoCloseable {

        private final Socket socket;

        private final OutputStream out;

        private final DataInputStream in;

        private final byte[] frame;

        Echo(int port, String text) throws IOException {
            this.socket = connect(port);
            this.out = socket.getOutputStream();
            this.in = new DataInputStream(socket.getInputStream());
            out.write("ECHO\n".getBytes(StandardCharsets.UTF_8));
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            this.frame = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
        }

        void roundTrip() throws IOException {
            out.write(frame);
            out.flush();
            int length = in.readInt();
            in.skipNBytes(length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
