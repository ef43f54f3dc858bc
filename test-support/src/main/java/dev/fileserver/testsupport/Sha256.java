package dev.fileserver.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** SHA-256 digests in hex, of content read as a stream. */
public final class Sha256 {

    private Sha256() {
    }

    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static String of(byte[] bytes) throws IOException {
        return of(new ByteArrayInputStream(bytes));
    }

    /** Reads {@code in} to its end. */
    public static String of(InputStream in) throws IOException {
        Sha256Sink sink = new Sha256Sink();
        in.transferTo(sink);
        return sink.hex();
    }
}
