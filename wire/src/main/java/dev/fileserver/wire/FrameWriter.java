package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes v1 frames. A text frame or a header goes out in a single write, length included, so
 * that a small reply never waits on Nagle's algorithm between two segments.
 */
public final class FrameWriter {

    private final OutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public void writeText(String text) throws IOException {
        writeFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    public void writeFileHeader(FileHeader header) throws IOException {
        writeFrame(FileHeaderCodec.encode(header));
    }

    /**
     * Writes a whole file frame, copying exactly {@code header.fileLen()} bytes of content; a source
     * that ends early fails the frame rather than leave the peer waiting for bytes that never come.
     */
    public void writeFile(FileHeader header, InputStream content) throws IOException {
        writeFileHeader(header);
        long copied = Transfer.copy(new BoundedInputStream(content, header.fileLen(), false), out);
        if (copied < header.fileLen()) {
            throw new IOException("'" + header.fileName() + "' ended after " + copied + " of "
                    + header.fileLen() + " bytes; it changed while being sent");
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void writeFrame(byte[] body) throws IOException {
        byte[] frame = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
        out.write(frame);
    }
}
