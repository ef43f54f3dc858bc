package dev.fileserver.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerReader;

/**
 * A client that speaks PROTOCOL-V1 frame by frame, as the original Python client did, over the
 * wire codec the server uses: each turn of a conversation as a method, and a raw side for the
 * frames no well-behaved client would send. Content goes through 64 KiB buffers.
 */
public final class V1Client implements AutoCloseable {

    public static final String ACCEPTED = "Connection accepted";

    /** Far beyond any frame a test or a benchmark asks for; the reader checks it before allocating. */
    private static final FrameLimits GENEROUS = new FrameLimits(64 * 1024 * 1024, 64 * 1024 * 1024);

    /** A read blocked this long means the server stopped answering: fail rather than hang. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    private final FrameReader reader;

    private final FrameWriter writer;

    private V1Client(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), Transfer.BUFFER_SIZE);
        this.out = new BufferedOutputStream(socket.getOutputStream(), Transfer.BUFFER_SIZE);
        this.reader = new FrameReader(in, GENEROUS);
        this.writer = new FrameWriter(out);
    }

    /** Speaks over a socket connected some other way (inside TLS, say); the greeting is left to read. */
    public static V1Client over(Socket socket) throws IOException {
        return new V1Client(socket);
    }

    /** Connects to the server on loopback; the greeting is left for the caller to read. */
    public static V1Client connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return new V1Client(socket);
        }
        catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects and reads the greeting, which must be the acceptance. */
    public static V1Client connectAccepted(int port) throws IOException {
        V1Client client = connect(port);
        try {
            client.expect(ACCEPTED);
            return client;
        }
        catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Connects until the server accepts: a slot freed by a connection that just ended may be
     * released a moment after the client saw it close.
     */
    public static V1Client awaitAccepted(int port) throws Exception {
        V1Client[] accepted = new V1Client[1];
        Await.until("a client is accepted on port " + port, () -> {
            V1Client client = connect(port);
            if (client.receive().equals(ACCEPTED)) {
                accepted[0] = client;
                return true;
            }
            client.close();
            return false;
        });
        return accepted[0];
    }

    // ---- text frames

    public V1Client send(String text) throws IOException {
        writer.writeText(text);
        out.flush();
        return this;
    }

    /** The next text frame; whatever was written before is sent first. */
    public String receive() throws IOException {
        out.flush();
        return reader.readText();
    }

    public List<String> receive(int frames) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            texts.add(receive());
        }
        return texts;
    }

    /** Sends a request and reads {@code frames} text frames in answer. */
    public List<String> request(String text, int frames) throws IOException {
        send(text);
        return receive(frames);
    }

    /** Reads one text frame per expected text; an {@link IOException} names the first that differs. */
    public void expect(String... texts) throws IOException {
        for (String expected : texts) {
            String answer = receive();
            if (!expected.equals(answer)) {
                throw new IOException("expected '" + expected + "', the server answered '" + answer + "'");
            }
        }
    }

    // ---- whole turns of a conversation

    /** {@code /list PATH} (the root when empty): the names, each followed by a newline, as the server sent them. */
    public String list(String path) throws IOException {
        send(withArgument("/list", path));
        expect("ok", "ok");
        return receive();
    }

    /** Asks for the ack extension: a stored upload is then answered with {@code ok} or the error. */
    public void enableUploadAck() throws IOException {
        send("/capabilities");
        String offered = receive();
        if (!offered.startsWith("capabilities ") || !List.of(offered.split(" ")).contains("ack")) {
            throw new IOException("the server does not offer the ack extension: '" + offered + "'");
        }
    }

    /** {@code /download PATH}, whose type must be {@code type}, and {@code y}: the file frame's header. */
    public FileHeader download(String path, String type) throws IOException {
        send("/download " + path);
        expect("ok", type);
        send("y");
        return reader.readFileHeader();
    }

    /**
     * {@code /download PATH} answered with {@code answer} (an extension client's {@code y} and its
     * options): the file frame, and its digest trailer when the header announces one.
     */
    public ReceivedFile downloadAnswering(String path, String answer) throws IOException {
        send("/download " + path);
        expect("ok");
        receive();
        send(answer);
        FileHeader header = receiveFileHeader();
        byte[] content = receiveContent(header);
        Sha256Trailer trailer = null;
        if (header.extensions().sha256Trailer()) {
            TrailerReader trailerReader = new TrailerReader(1000);
            while (trailer == null) {
                trailer = trailerReader.accept(receive());
            }
        }
        return new ReceivedFile(header, content, trailer);
    }

    /** A file frame as received: the trailer is null when none was announced. */
    public record ReceivedFile(FileHeader header, byte[] content, Sha256Trailer trailer) {
    }

    /** {@link #download} with the content written to {@code to}. */
    public FileHeader download(String path, String type, OutputStream to) throws IOException {
        FileHeader header = download(path, type);
        receiveContent(header, to);
        return header;
    }

    public FileHeader receiveFileHeader() throws IOException {
        out.flush();
        return reader.readFileHeader();
    }

    /** The content of the file frame whose header was just read, as a stream bounded to its length. */
    public InputStream content(FileHeader header) {
        return reader.content(header);
    }

    public void receiveContent(FileHeader header, OutputStream to) throws IOException {
        reader.copyContent(header, to);
    }

    public byte[] receiveContent(FileHeader header) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        receiveContent(header, content);
        return content.toByteArray();
    }

    /**
     * {@code /upload FOLDER} (the root when empty), {@code y}, then the file frame's header as given:
     * its content is written to the returned stream, and is on its way once anything is received.
     */
    public OutputStream beginUpload(String folder, FileHeader header) throws IOException {
        send(withArgument("/upload", folder));
        expect("ok", "dir");
        send("y");
        writer.writeFileHeader(header);
        return out;
    }

    /** A whole upload into the root with the ack extension asked for in its header: the server's answer. */
    public String uploadAcked(FileHeader header, byte[] content) throws IOException {
        beginUpload("", header.withAck()).write(content);
        return receive();
    }

    /** One whole file frame. */
    public void sendFile(FileHeader header, byte[] content) throws IOException {
        sendFile(header, new ByteArrayInputStream(content));
    }

    public void sendFile(FileHeader header, InputStream content) throws IOException {
        writer.writeFile(header, content);
        out.flush();
    }

    /** The next {@code length} bytes of {@code content}, sent as they are read, a buffer at a time. */
    public void sendPart(InputStream content, long length) throws IOException {
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        long remaining = length;
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("the content ended " + remaining + " bytes early");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
        out.flush();
    }

    // ---- raw bytes

    /** Writes bytes as they are, for frames no well-behaved client would send. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A frame's 4-byte length header alone, announcing {@code length} bytes (read as unsigned). */
    public static byte[] lengthHeader(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    public static byte[] lengthPrefixed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    public static byte[] lengthPrefixed(String body) {
        return lengthPrefixed(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A file frame's length and JSON header, without its content. */
    public static byte[] headerFrame(FileHeader header) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        new FrameWriter(frame).writeFileHeader(header);
        return frame.toByteArray();
    }

    // ---- the connection

    /**
     * True when the next read meets the end of the stream or a reset: the server closed the
     * connection. False when a byte arrives instead, or nothing within the read timeout.
     */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true;
        }
    }

    /**
     * Reads and drops whatever is still on its way, up to the end of the stream: true when the
     * server closed the connection, false when it stays open past the read timeout.
     */
    public boolean drainsToEndOfStream() {
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        try {
            while (in.read(buffer) >= 0) {
                // dropped
            }
            return true;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true;
        }
    }

    public Socket socket() {
        return socket;
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

    private static String withArgument(String command, String argument) {
        return argument.isEmpty() ? command : command + " " + argument;
    }
}
