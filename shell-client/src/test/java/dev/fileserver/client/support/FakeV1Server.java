package dev.fileserver.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;

/**
 * A scripted peer on a real socket, for what the real server never does: speak plain v1 without
 * extensions, send a hostile tarball, cut a transfer short. Each accepted connection runs the
 * next script; after its script a connection answers the client's {@code /exit} as v1 does.
 */
public final class FakeV1Server implements AutoCloseable {

    private final ServerSocket listener;

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private final String greeting;

    private FakeV1Server(String greeting, List<Script> scripts) throws IOException {
        this.listener = new ServerSocket(0);
        this.greeting = greeting;
        Thread thread = new Thread(() -> serve(scripts), "fake-v1-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Serves one connection per script, in order. */
    public static FakeV1Server start(Script... scripts) throws IOException {
        return new FakeV1Server("Connection accepted", List.of(scripts));
    }

    /** Greets one connection with {@code greeting} and closes it, as a full v1 server does. */
    public static FakeV1Server rejecting(String greeting) throws IOException {
        return new FakeV1Server(greeting, List.of(Peer::hangUp));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for every script to have run, and fails with the first assertion a script failed. */
    public void verify() throws Exception {
        try {
            done.get(20, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        }
    }

    private void serve(List<Script> scripts) {
        try {
            for (Script script : scripts) {
                try (Socket socket = listener.accept()) {
                    Peer peer = new Peer(socket);
                    peer.send(greeting);
                    script.run(peer);
                    peer.answerGoodbye();
                }
            }
            done.complete(null);
        }
        catch (Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    @FunctionalInterface
    public interface Script {

        void run(Peer peer) throws Exception;
    }

    /** The server's end of one connection. */
    public static final class Peer {

        private final Socket socket;

        private final FrameReader reader;

        private final FrameWriter writer;

        private final BufferedOutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream()), FrameLimits.DEFAULT);
            this.out = new BufferedOutputStream(socket.getOutputStream());
            this.writer = new FrameWriter(out);
        }

        public void expect(String text) throws IOException {
            assertThat(reader.readText()).isEqualTo(text);
        }

        public String receive() throws IOException {
            return reader.readText();
        }

        public void send(String... texts) throws IOException {
            for (String text : texts) {
                writer.writeText(text);
            }
            writer.flush();
        }

        /** A v1 server knows no {@code /capabilities}: it answers {@code ok} and nothing else. */
        public void answerCapabilitiesAsV1() throws IOException {
            expect("/capabilities");
            send("ok");
        }

        public void sendFile(FileHeader header, byte[] content) throws IOException {
            writer.writeFile(header, new ByteArrayInputStream(content));
            writer.flush();
        }

        /** Sends a header and only the first {@code sent} bytes of its content, then hangs up. */
        public void sendTruncatedFileAndHangUp(FileHeader header, byte[] content, int sent) throws IOException {
            writer.writeFileHeader(header);
            out.write(content, 0, sent);
            out.flush();
            socket.close();
        }

        public void hangUp() throws IOException {
            socket.close();
        }

        public FileHeader receiveFileHeader() throws IOException {
            return reader.readFileHeader();
        }

        public byte[] receiveContent(FileHeader header) throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            reader.copyContent(header, content);
            return content.toByteArray();
        }

        void answerGoodbye() throws IOException {
            if (socket.isClosed()) {
                return;
            }
            try {
                expect("/exit");
                send("ok");
                expect("y");
            }
            catch (EndOfStreamException e) {
                // the client went away without a goodbye: allowed, e.g. after a failed transfer
            }
        }
    }
}
