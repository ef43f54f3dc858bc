package dev.fileserver.server.robustness;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;

/**
 * A v1 client on a host of its own: it connects from a loopback address of its choice
 * ({@code 127.0.0.2}, {@code 127.0.0.3}...; Linux answers the whole of 127/8), so that the server
 * sees several remote addresses without leaving this machine. It reads the greeting on connecting.
 */
final class HostClient implements AutoCloseable {

    /** The v1 greeting of a client turned away, whatever the reason. */
    static final String REJECTED = "Connection rejected: Server is at full capacity.";

    private static final FrameLimits LIMITS = new FrameLimits(1024 * 1024, 1024 * 1024);

    private final Socket socket;

    private final OutputStream out;

    private final FrameReader reader;

    private final FrameWriter writer;

    private final String greeting;

    private HostClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream()), LIMITS);
        this.writer = new FrameWriter(out);
        this.greeting = reader.readText();
    }

    static HostClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(30_000);
            return new HostClient(socket);
        }
        catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    String greeting() {
        return greeting;
    }

    boolean isAccepted() {
        return greeting.equals("Connection accepted");
    }

    List<String> request(String text, int frames) throws IOException {
        writer.writeText(text);
        out.flush();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            answers.add(reader.readText());
        }
        return answers;
    }

    String receive() throws IOException {
        return reader.readText();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
