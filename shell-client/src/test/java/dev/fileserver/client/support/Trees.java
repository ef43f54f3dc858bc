package dev.fileserver.client.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.fileserver.wire.archive.PosixModes;

/** Folders described by content and permission bits, for comparing whole trees. */
public final class Trees {

    private Trees() {
    }

    /** Relative path to {@code d 755} for a folder, {@code f 644 SHA-256} for a file. */
    public static Map<String, String> describe(Path folder) throws IOException {
        Map<String, String> description = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String mode = Integer.toOctalString(PosixModes.read(path, 0));
                String relative = folder.relativize(path).toString();
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    description.put(relative, "d " + mode);
                }
                else {
                    description.put(relative, "f " + mode + " " + sha256(path));
                }
            }
        }
        return description;
    }

    /** The names directly in {@code folder}, hidden ones included. */
    public static List<String> names(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Deletes a file or a whole tree, read-only folders included. */
    public static void delete(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(each, LinkOption.NOFOLLOW_LINKS)) {
                    PosixModes.apply(each, 0700);
                }
                Files.delete(each);
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
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

    /** A small tree with a nested folder, an executable, a read-only file and a name with spaces. */
    public static void plant(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("sub/deeper"));
        Files.writeString(folder.resolve("a.txt"), "alpha\n");
        Files.writeString(folder.resolve("sub/run.sh"), "#!/bin/sh\necho hi\n");
        PosixModes.apply(folder.resolve("sub/run.sh"), 0755);
        Files.writeString(folder.resolve("sub/deeper/read only.txt"), "keep\n");
        PosixModes.apply(folder.resolve("sub/deeper/read only.txt"), 0444);
        Files.write(folder.resolve("sub/deeper/bytes.bin"), new byte[] {0, 1, 2, (byte) 255});
        PosixModes.apply(folder.resolve("sub/deeper"), 0750);
    }
}
