package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import dev.fileserver.wire.Transfer;

/**
 * A byte count and a CRC-32C of some content. CRC-32C is computed by the CPU's own instruction, so
 * taking it while the bytes stream costs every contender the same and next to nothing.
 */
record Checksummed(long length, long crc) {

    static Checksummed of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    static Checksummed of(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return new Checksummed(bytes.length, crc.getValue());
    }

    /** Copies {@code in} to a new file {@code target}, 64 KiB at a time, as a plain socket-to-file copy does. */
    static Checksummed copyToFile(InputStream in, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            return copy(in, out);
        }
    }

    static Checksummed copy(InputStream in, OutputStream out) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            crc.update(buffer, 0, read);
            out.write(buffer, 0, read);
            total += read;
        }
        return new Checksummed(total, crc.getValue());
    }

    /** Fails the run when {@code received} differs from this, the source. */
    void verify(Checksummed received, String what) throws ByteMismatchException {
        if (!equals(received)) {
            throw new ByteMismatchException(what + ": received " + received.length + " bytes with CRC-32C "
                    + Long.toHexString(received.crc) + ", sent " + length + " bytes with CRC-32C " + Long.toHexString(crc));
        }
    }
}
