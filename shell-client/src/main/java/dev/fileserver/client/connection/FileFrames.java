package dev.fileserver.client.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import dev.fileserver.client.ClientException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;

/**
 * File frames on the link: a header, then exactly {@code fileLen} raw bytes. The content streams
 * pass straight between the socket and a local file, so nothing holds a whole file in memory.
 */
public final class FileFrames {

    /**
     * What a file's content is copied in between the link and a local file: at 1 MiB a gigabyte
     * takes a thousand reads and writes rather than sixteen thousand, and the socket's reads, which
     * bypass the link's 64 KiB buffer at this size, take whatever the kernel holds at once.
     */
    public static final int CHUNK_BYTES = 1 << 20;

    private final FrameReader reader;

    private final FrameWriter writer;

    private final OutputStream out;

    private final LinkLoss loss;

    FileFrames(FrameReader reader, FrameWriter writer, OutputStream out, LinkLoss loss) {
        this.reader = reader;
        this.writer = writer;
        this.out = out;
        this.loss = loss;
    }

    public FileHeader receiveHeader() throws ConnectionFailedException {
        return loss.guard(reader::readFileHeader);
    }

    /** Exactly the content of the file frame whose header was just received. */
    public InputStream content(FileHeader header) {
        return reader.content(header);
    }

    public void sendHeader(FileHeader header) throws ConnectionFailedException {
        loss.guard(() -> writer.writeFileHeader(header));
    }

    /**
     * Sends a whole file frame, exactly {@code header.fileLen()} bytes of {@code content}. Failures
     * are thrown as they are, for {@link #failure} to tell the link's from the file's.
     */
    public void send(FileHeader header, InputStream content) throws IOException {
        writer.writeFileHeader(header);
        byte[] chunk = new byte[CHUNK_BYTES];
        long left = header.fileLen();
        int read;
        while (left > 0 && (read = content.read(chunk, 0, (int) Math.min(chunk.length, left))) >= 0) {
            out.write(chunk, 0, read);
            left -= read;
        }
        if (left > 0) {
            throw new IOException("'" + header.fileName() + "' ended " + left + " bytes short of "
                    + header.fileLen() + "; it changed while being sent");
        }
    }

    /** Where a file frame's content goes after {@link #sendHeader}; {@link #flush()} when done. */
    public OutputStream contentOutput() {
        return out;
    }

    public void flush() throws ConnectionFailedException {
        loss.guard(out::flush);
    }

    /**
     * Turns a failure while copying between the link and a local file into the right complaint:
     * the link's own failures end it, anything else is about the local file.
     */
    public ClientException failure(IOException e, String localContext) {
        return LinkFailures.isLinkFailure(e) ? loss.lost(e) : LinkFailures.localFile(e, localContext);
    }
}
