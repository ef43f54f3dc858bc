package dev.fileserver.wire.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the extensions carry it: lowercase hex, 64 characters, as {@code sha256sum} prints it. */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh digest; every JDK has SHA-256, with CPU intrinsics where the processor offers them. */
    public static MessageDigest start() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Finishes {@code digest} and spells its result. */
    public static String hex(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }

    /** The digest of what went in so far; {@code digest} goes on as if not asked. */
    public static String hexSoFar(MessageDigest digest) {
        try {
            return hex((MessageDigest) digest.clone());
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    public static String of(byte[] bytes) {
        MessageDigest digest = start();
        digest.update(bytes);
        return hex(digest);
    }

    /** Whether {@code text} is a digest as spelled here. */
    public static boolean isHex(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
