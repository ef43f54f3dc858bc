package dev.fileserver.client.progress;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that report each chunk that passes to a {@link TransferProgress}. */
public final class CountingStreams {

    private CountingStreams() {
    }

    public static InputStream counting(InputStream in, TransferProgress progress) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    progress.advanced(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = in.read(buffer, offset, length);
                if (read > 0) {
                    progress.advanced(read);
                }
                return read;
            }
        };
    }

    /** Counts what is written; closing it leaves {@code out} open. */
    public static OutputStream counting(OutputStream out, TransferProgress progress) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress.advanced(1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                progress.advanced(length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
