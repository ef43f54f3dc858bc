package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.fileserver.wire.digest.Sha256;

/**
 * A stored file's SHA-256, kept in an extended attribute of the file itself with the size and
 * modification time it was taken at (by a verified upload, or by a download that hashed the whole
 * file): it moves with the file, goes when the file goes, never shows in a listing, changes
 * neither content nor modification time, and is believed only while the file still has that size
 * and time. A file system without user attributes keeps nothing, and downloads hash as they send.
 */
final class KeptDigest {

    private static final String ATTRIBUTE = "fileserver.sha256";

    private KeptDigest() {
    }

    /** Notes {@code sha256} on {@code file}, whose content is final; quietly does nothing where it cannot. */
    static void keep(Path file, String sha256) {
        UserDefinedFileAttributeView view = view(file);
        if (view == null) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            view.write(ATTRIBUTE, StandardCharsets.US_ASCII.encode(sha256 + " " + version(attributes)));
        }
        catch (IOException | UnsupportedOperationException e) {
            // the digest is a saving, not a promise: without it a download hashes as it sends
        }
    }

    /** The digest noted on {@code file}, if it was noted for the file's {@link #version} {@code version}. */
    static Optional<String> read(Path file, String version) {
        UserDefinedFileAttributeView view = view(file);
        if (view == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer value = ByteBuffer.allocate(Math.min(view.size(ATTRIBUTE), 256));
            view.read(ATTRIBUTE, value);
            String[] noted = new String(value.array(), 0, value.position(), StandardCharsets.US_ASCII).split(" ");
            return noted.length == 2 && Sha256.isHex(noted[0]) && noted[1].equals(version)
                    ? Optional.of(noted[0]) : Optional.empty();
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Size and modification time, the two things any change to a file's content changes. */
    static String version(BasicFileAttributes attributes) {
        return Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    private static UserDefinedFileAttributeView view(Path file) {
        return Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }
}
