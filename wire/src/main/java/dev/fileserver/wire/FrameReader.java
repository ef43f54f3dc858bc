package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads v1 frames from a stream. Only a text frame or a header is ever held in memory, each
 * bounded by {@link FrameLimits}; file content is handed on as a bounded stream.
 */
public final class FrameReader {

    private final InputStream in;

    private final FrameLimits limits;

    public FrameReader(InputStream in, FrameLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Reads one text frame; {@link EndOfStreamException} when the peer closed between frames. */
    public String readText() throws IOException {
        byte[] body = readFrameBody("text frame", limits.maxTextFrameBytes());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new InvalidTextException();
        }
    }

    /** Reads the length and JSON header of a file frame; its content follows on the stream. */
    public FileHeader readFileHeader() throws IOException {
        return FileHeaderCodec.decode(readFrameBody("file header", limits.maxHeaderBytes()));
    }

    /** The content of a file frame whose header was just read: exactly {@code fileLen} bytes. */
    public InputStream content(FileHeader header) {
        return new BoundedInputStream(in, header.fileLen());
    }

    /** Copies the content of a file frame whose header was just read; returns the bytes copied. */
    public long copyContent(FileHeader header, OutputStream out) throws IOException {
        try (InputStream content = content(header)) {
            return Transfer.copy(content, out);
        }
    }

    /** Reads a frame's 4-byte length and its body, refusing a body larger than {@code limit}. */
    byte[] readFrameBody(String what, int limit) throws IOException {
        long length = readLength(what);
        if (length > limit) {
            throw new FrameTooLargeException(what, length, limit);
        }
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            throw new TruncatedFrameException(what, body.length, read);
        }
        return body;
    }

    private long readLength(String what) throws IOException {
        byte[] header = new byte[4];
        int read = in.readNBytes(header, 0, 4);
        if (read == 0) {
            throw new EndOfStreamException();
        }
        if (read < 4) {
            throw new TruncatedFrameException(what + " length", 4, read);
        }
        return ByteBuffer.wrap(header).getInt() & 0xFFFFFFFFL;
    }
}
