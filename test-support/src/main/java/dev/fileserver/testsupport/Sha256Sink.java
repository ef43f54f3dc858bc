package dev.fileserver.testsupport;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keeps only a SHA-256 and a count of what is written to it: content checked without being held. */
public final class Sha256Sink extends OutputStream {

    private final MessageDigest digest;

    private long count;

    private String hex;

    public Sha256Sink() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) {
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        count += length;
    }

    public long count() {
        return count;
    }

    /** The digest of everything written so far, in hex; nothing may be written after it is taken. */
    public String hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(digest.digest());
        }
        return hex;
    }
}
