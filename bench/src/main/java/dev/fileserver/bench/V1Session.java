package dev.fileserver.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.Transfer;

/**
 * One client session with the file server, frame by frame as PROTOCOL-V1 has it, over the wire
 * codec the server uses. Content goes through 64 KiB buffers, like the raw baseline's.
 */
final class V1Session implements AutoCloseable {

    static final String ACCEPTED = "Connection accepted";

    private static final int GREETING_TIMEOUT_MILLIS = 10_000;

    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private static final FrameLimits GENEROUS = new FrameLimits(16 * 1024 * 1024, 1024 * 1024);

    private final Socket socket;

    private final OutputStream out;

    private final FrameReader reader;

    private final FrameWriter writer;

    private final String greeting;

    private V1Session(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), Transfer.BUFFER_SIZE);
        InputStream in = new BufferedInputStream(socket.getInputStream(), Transfer.BUFFER_SIZE);
        this.reader = new FrameReader(in, GENEROUS);
        this.writer = new FrameWriter(out);
        // a server that accepted the connection but never greets should cost a run seconds, not minutes
        socket.setSoTimeout(GREETING_TIMEOUT_MILLIS);
        this.greeting = reader.readText();
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    }

    /** Connects and reads the greeting, whatever it is. */
    static V1Session connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return new V1Session(socket);
        }
        catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects; the greeting must be the acceptance. */
    static V1Session open(int port) throws IOException {
        V1Session session = connect(port);
        if (!session.isAccepted()) {
            session.close();
            throw new IOException("the server turned the session away: " + session.greeting);
        }
        return session;
    }

    /** Downloads the file {@code path} in a session of its own into {@code target}. */
    static Checksummed downloadFile(int port, String path, Path target) throws IOException {
        try (V1Session session = open(port)) {
            FileHeader header = session.download(path, "file");
            return Checksummed.copyToFile(session.content(header), target);
        }
    }

    /** Uploads {@code source} in a session of its own into the server's folder {@code directory}; returns once stored. */
    static void uploadFile(int port, Path source, String directory) throws IOException {
        uploadFile(port, source, directory, FileHeader.Extensions.NONE);
    }

    /** As {@link #uploadFile(int, Path, String)}, the header asking for {@code extensions} (resumable, say). */
    static void uploadFile(int port, Path source, String directory, FileHeader.Extensions extensions)
            throws IOException {
        try (V1Session session = open(port); InputStream in = Files.newInputStream(source)) {
            session.enableUploadAck();
            OutputStream content = session.upload(directory,
                    FileHeader.ofFile(source.getFileName().toString(), 0644, Files.size(source)).with(extensions));
            Transfer.copy(in, content);
            session.awaitStored();
        }
    }

    boolean isAccepted() {
        return ACCEPTED.equals(greeting);
    }

    String greeting() {
        return greeting;
    }

    void send(String text) throws IOException {
        writer.writeText(text);
        out.flush();
    }

    String receive() throws IOException {
        return reader.readText();
    }

    void expect(String expected) throws IOException {
        String answer = receive();
        if (!expected.equals(answer)) {
            throw new IOException("expected '" + expected + "', the server answered '" + answer + "'");
        }
    }

    /** {@code /list PATH}: the names, one per line, as the server sent them. */
    String list(String path) throws IOException {
        send("/list " + path);
        expect("ok");
        expect("ok");
        return receive();
    }

    /** Asks for the ack extension, so that an upload's end can be timed at the server. */
    void enableUploadAck() throws IOException {
        send("/capabilities");
        String offered = receive();
        if (!(offered + " ").startsWith("capabilities ack ")) {
            throw new IOException("the server offers no ack: '" + offered + "'");
        }
    }

    /** {@code /download PATH} and {@code y}: returns the header; its content follows on {@link #content}. */
    FileHeader download(String path, String expectedType) throws IOException {
        return download(path, expectedType, "y");
    }

    /** {@code /download PATH} and {@code answer} ({@code y} and extension options). */
    FileHeader download(String path, String expectedType, String answer) throws IOException {
        send("/download " + path);
        expect("ok");
        expect(expectedType);
        send(answer);
        return reader.readFileHeader();
    }

    /** The content of the file frame whose header was just read. */
    InputStream content(FileHeader header) {
        return reader.content(header);
    }

    /**
     * {@code /upload DIR}, {@code y} and the frame's header with {@code ack}; the content is then
     * written to the returned stream, and {@link #awaitStored()} waits for the server's answer.
     */
    OutputStream upload(String directory, FileHeader header) throws IOException {
        Objects.requireNonNull(header);
        beginUpload(directory);
        send("y");
        return sendHeader(header.withAck());
    }

    /** {@code /upload DIR}, up to the answer, which is the caller's. */
    void beginUpload(String directory) throws IOException {
        send("/upload " + directory);
        expect("ok");
        expect("dir");
    }

    /** A file frame's header, for when the upload's answer was more than {@code y}; the content follows on the stream. */
    OutputStream sendHeader(FileHeader header) throws IOException {
        writer.writeFileHeader(header);
        return out;
    }

    void awaitStored() throws IOException {
        out.flush();
        String answer = receive();
        if (!"ok".equals(answer)) {
            throw new IOException("the server did not store the upload: " + answer);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
    }
}
