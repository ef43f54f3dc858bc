package dev.fileserver.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The stronger raw baselines: the same two requests as {@link RawServer} ({@code GET PATH},
 * {@code PUT PATH LENGTH}), served over NIO channels in one of two ways, a process per way.
 * <ul>
 * <li>{@code zero-copy}: {@code FileChannel.transferTo} to the socket (sendfile on Linux) and
 * {@code transferFrom} from it (the JDK has no splice; it copies through a small direct buffer).</li>
 * <li>{@code direct-1m}: a 1 MiB direct buffer between the socket and file channels, no heap copy.</li>
 * </ul>
 * Run in its own process: {@code ChannelServer ROOT WAY}; prints the port it listens on as RawServer does.
 */
public final class ChannelServer {

    static final String ZERO_COPY = "zero-copy";

    static final String DIRECT = "direct-1m";

    private static final int DIRECT_BUFFER = 1024 * 1024;

    private final Path root;

    private final boolean zeroCopy;

    private ChannelServer(Path root, boolean zeroCopy) {
        this.root = root;
        this.zeroCopy = zeroCopy;
    }

    public static void main(String[] args) throws IOException {
        ChannelServer server = new ChannelServer(Path.of(args[0]), args[1].equals(ZERO_COPY));
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            System.out.println("Raw server listening on 127.0.0.1:" + port);
            System.out.flush();
            while (true) {
                SocketChannel socket = listener.accept();
                new Thread(() -> server.serve(socket), "channel-" + port).start();
            }
        }
    }

    private void serve(SocketChannel socket) {
        try (socket) {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            String[] request = readLine(socket).split(" ");
            Path file = root.resolve(request[1]);
            if (request[0].equals("GET")) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    send(in, socket);
                }
            }
            else {
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    receive(socket, out, Long.parseLong(request[2]));
                }
                socket.write(ByteBuffer.wrap(new byte[] { 'k' }));
            }
        }
        catch (IOException e) {
            System.err.println("channel server: " + e);
        }
    }

    private void send(FileChannel in, SocketChannel socket) throws IOException {
        long size = in.size();
        if (zeroCopy) {
            for (long done = 0; done < size;) {
                done += in.transferTo(done, size - done, socket);
            }
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(DIRECT_BUFFER);
        while (in.read(buffer) >= 0 || buffer.position() > 0) {
            buffer.flip();
            socket.write(buffer);
            buffer.compact();
        }
    }

    private void receive(SocketChannel socket, FileChannel out, long length) throws IOException {
        if (zeroCopy) {
            for (long done = 0; done < length;) {
                long moved = out.transferFrom(socket, done, length - done);
                if (moved == 0) {
                    throw new EOFException("upload ended " + (length - done) + " bytes early");
                }
                done += moved;
            }
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(DIRECT_BUFFER);
        long remaining = length;
        while (remaining > 0) {
            buffer.limit((int) Math.min(buffer.capacity(), remaining));
            int read = socket.read(buffer);
            if (read < 0) {
                throw new EOFException("upload ended " + remaining + " bytes early");
            }
            remaining -= read;
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            buffer.clear();
        }
    }

    private static String readLine(SocketChannel socket) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        StringBuilder line = new StringBuilder();
        while (true) {
            one.clear();
            if (socket.read(one) < 0) {
                throw new EOFException("request line cut short");
            }
            char c = (char) one.get(0);
            if (c == '\n') {
                return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            line.append(c);
        }
    }
}
