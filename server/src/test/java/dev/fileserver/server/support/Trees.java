package dev.fileserver.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.fileserver.wire.archive.PosixModes;

/** A folder described by content: relative path to a digest and permission bits, for whole-tree comparisons. */
public final class Trees {

    private Trees() {
    }

    /** Relative path to "d 755" for folders and "f 644 SHA-256" for files. */
    public static Map<String, String> describe(Path folder) throws IOException {
        Map<String, String> description = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = folder.relativize(path).toString();
                String mode = Integer.toOctalString(PosixModes.read(path, 0));
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    description.put(relative, "d " + mode);
                }
                else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    description.put(relative, "f " + mode + " " + sha256(path));
                }
                else {
                    description.put(relative, "other");
                }
            }
        }
        return description;
    }

    /** Every path below {@code folder}, for checking that nothing stray was left or created. */
    public static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> folder.relativize(path).toString()).toList().stream();
        }
    }

    public static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
