package dev.fileserver.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between the client and the server that cuts the first connection, both
 * ways at once, after a given number of bytes in one direction: a connection lost midway, as a
 * network does it. It counts the bytes it passed each way.
 */
final class CuttingRelay implements AutoCloseable {

    /** Which way the bytes that trigger the cut go. */
    enum Direction {
        TO_CLIENT, TO_SERVER
    }

    private final ServerSocket listener;

    private final int serverPort;

    private final Direction cutDirection;

    private final long cutAfter;

    private final AtomicLong toClient = new AtomicLong();

    private final AtomicLong toServer = new AtomicLong();

    private CuttingRelay(int serverPort, Direction cutDirection, long cutAfter) throws IOException {
        this.listener = new ServerSocket(0);
        this.serverPort = serverPort;
        this.cutDirection = cutDirection;
        this.cutAfter = cutAfter;
        Thread acceptor = new Thread(this::relayOne, "cutting-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static CuttingRelay start(int serverPort, Direction cutDirection, long cutAfter) throws IOException {
        return new CuttingRelay(serverPort, cutDirection, cutAfter);
    }

    int port() {
        return listener.getLocalPort();
    }

    long bytesToClient() {
        return toClient.get();
    }

    long bytesToServer() {
        return toServer.get();
    }

    private void relayOne() {
        try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", serverPort)) {
            Thread up = pump(client, server, toServer, cutDirection == Direction.TO_SERVER);
            Thread down = pump(server, client, toClient, cutDirection == Direction.TO_CLIENT);
            up.join();
            down.join();
        }
        catch (IOException | InterruptedException ignored) {
            // the relay closes with the test
        }
    }

    private Thread pump(Socket from, Socket to, AtomicLong counter, boolean cuts) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    int passed = cuts ? (int) Math.min(read, cutAfter - counter.get()) : read;
                    out.write(buffer, 0, passed);
                    out.flush();
                    if (counter.addAndGet(passed) >= cutAfter && cuts) {
                        break;
                    }
                }
            }
            catch (IOException ignored) {
                // the other side went, or was cut
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "cutting-relay-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
