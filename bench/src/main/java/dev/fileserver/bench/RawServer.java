package dev.fileserver.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import dev.fileserver.wire.Transfer;

/**
 * The raw baseline: the least a Java server can do to move a file over a socket, one platform
 * thread per connection and 64 KiB buffers, with no protocol beyond one request line.
 * <ul>
 * <li>{@code GET PATH}: the file's bytes, then the connection closes.</li>
 * <li>{@code PUT PATH LENGTH}: exactly LENGTH bytes into the file, then one byte {@code k} once it is closed.</li>
 * <li>{@code ECHO}: every 4-byte-length frame is sent back, until the client closes.</li>
 * </ul>
 * Run in its own process: {@code RawServer ROOT}; prints the port it listens on. With
 * {@code RawServer ROOT CERTIFICATE KEY} it listens inside TLS instead, presenting those PEM files:
 * the least a Java server can do with JSSE.
 */
public final class RawServer {

    static final Pattern LISTENING = Pattern.compile("Raw server listening on [^:\\s]+:(\\d+)");

    private final Path root;

    private RawServer(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        RawServer server = new RawServer(Path.of(args[0]));
        try (ServerSocket listener = args.length == 3 ? TlsFiles.listener(Path.of(args[1]), Path.of(args[2]))
                : new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
            System.out.println("Raw server listening on 127.0.0.1:" + listener.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = listener.accept();
                Thread thread = new Thread(() -> server.serve(socket), "raw-" + socket.getPort());
                thread.start();
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String[] request = readLine(in).split(" ");
            switch (request[0]) {
                case "GET" -> {
                    try (InputStream file = Files.newInputStream(root.resolve(request[1]))) {
                        Transfer.copy(file, out);
                    }
                }
                case "PUT" -> {
                    receive(in, root.resolve(request[1]), Long.parseLong(request[2]));
                    out.write('k');
                    out.flush();
                }
                case "ECHO" -> echo(in, out);
                default -> throw new IOException("unknown request " + request[0]);
            }
        }
        catch (IOException e) {
            System.err.println("raw server: " + e);
        }
    }

    private static void receive(InputStream in, Path target, long length) throws IOException {
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        try (OutputStream file = Files.newOutputStream(target)) {
            long remaining = length;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException("upload ended " + remaining + " bytes early");
                }
                file.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }

    private static void echo(InputStream in, OutputStream out) throws IOException {
        DataInputStream frames = new DataInputStream(in);
        byte[] frame = new byte[4 + 64 * 1024];
        while (true) {
            int length;
            try {
                length = frames.readInt();
            }
            catch (EOFException e) {
                return;
            }
            frames.readFully(frame, 4, length);
            frame[0] = (byte) (length >>> 24);
            frame[1] = (byte) (length >>> 16);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
            out.write(frame, 0, 4 + length);
            out.flush();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("request line cut short");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
