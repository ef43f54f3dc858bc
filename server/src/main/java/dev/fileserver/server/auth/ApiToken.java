package dev.fileserver.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fileserver.wire.digest.Sha256;

/**
 * An API token, {@code fst_<id>_<secret>}: the id (8 lowercase hex) names it in listings and for
 * revoking, the secret is 32 random bytes in base64url. Only the SHA-256 of the whole token is kept.
 */
record ApiToken(String id, String text) {

    private static final Pattern FORMAT = Pattern.compile("fst_([0-9a-f]{8})_([A-Za-z0-9_-]{32,})");

    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiToken generate() {
        byte[] id = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String hexId = HexFormat.of().formatHex(id);
        return new ApiToken(hexId, "fst_" + hexId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The id of a text shaped like a token, or null for anything else (a password). */
    static String idOf(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? matcher.group(1) : null;
    }

    static String hash(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code text} hashes to {@code storedHash}, compared in constant time. */
    static boolean matches(String text, String storedHash) {
        return MessageDigest.isEqual(hash(text).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
