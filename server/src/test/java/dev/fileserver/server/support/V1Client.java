package dev.fileserver.server.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;

/**
 * A client that speaks PROTOCOL-V1 frame by frame, as the original Python client did, with a
 * raw side for sending what no well-behaved client would.
 */
public final class V1Client implements AutoCloseable {

    private static final FrameLimits GENEROUS = new FrameLimits(64 * 1024 * 1024, 64 * 1024 * 1024);

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    private final FrameReader reader;

    private final FrameWriter writer;

    private V1Client(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.reader = new FrameReader(in, GENEROUS);
        this.writer = new FrameWriter(out);
    }

    public static V1Client connect(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            return new V1Client(socket);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Speaks over a socket connected some other way (a TLS socket, say). */
    public static V1Client over(Socket socket) throws IOException {
        return new V1Client(socket);
    }

    /** Connects and reads the greeting, which must be the acceptance. */
    public static V1Client connectAccepted(int port) throws IOException {
        V1Client client = connect(port);
        String greeting = client.receive();
        if (!greeting.equals("Connection accepted")) {
            client.close();
            throw new IOException("unexpected greeting: " + greeting);
        }
        return client;
    }

    public V1Client send(String text) throws IOException {
        writer.writeText(text);
        out.flush();
        return this;
    }

    public String receive() throws IOException {
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

    public void sendFile(FileHeader header, byte[] content) throws IOException {
        sendFile(header, new ByteArrayInputStream(content));
    }

    public void sendFile(FileHeader header, InputStream content) throws IOException {
        writer.writeFile(header, content);
        out.flush();
    }

    public FileHeader receiveFileHeader() throws IOException {
        return reader.readFileHeader();
    }

    public void receiveContent(FileHeader header, OutputStream to) throws IOException {
        reader.copyContent(header, to);
    }

    public byte[] receiveContent(FileHeader header) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        receiveContent(header, content);
        return content.toByteArray();
    }

    /** Writes bytes as they are, for frames no well-behaved client would send. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public static byte[] lengthPrefixed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** A file frame's length and JSON header, without its content. */
    public static byte[] headerFrame(FileHeader header) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        new FrameWriter(frame).writeFileHeader(header);
        return frame.toByteArray();
    }

    public static byte[] lengthPrefixed(String body) {
        return lengthPrefixed(body.getBytes(StandardCharsets.UTF_8));
    }

    /** True once the server has closed the connection (reads -1 within the socket timeout). */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
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
}
