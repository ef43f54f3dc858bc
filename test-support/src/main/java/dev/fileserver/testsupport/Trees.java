package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.files.RecursiveDelete;

/** Folders described by content and permission bits, for whole-tree comparisons; and made or emptied. */
public final class Trees {

    private Trees() {
    }

    /**
     * Every path in {@code folder}, itself included as {@code ""}, to {@code d 755} for a folder,
     * {@code f 644 SHA-256} for a file and {@code l TARGET} for a symbolic link (not followed).
     */
    public static Map<String, String> describe(Path folder) throws IOException {
        Map<String, String> description = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = folder.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    description.put(relative, "l " + Files.readSymbolicLink(path));
                    continue;
                }
                String mode = Integer.toOctalString(PosixModes.read(path, 0));
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    description.put(relative, "d " + mode);
                }
                else {
                    description.put(relative, "f " + mode + " " + Sha256.of(path));
                }
            }
        }
        return description;
    }

    /** The names directly in {@code folder}, hidden ones included, sorted. */
    public static List<String> children(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path below {@code folder} (not the folder itself), relative to it, sorted: nothing stray goes unseen. */
    public static List<String> descendants(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> !path.equals(folder)).map(path -> folder.relativize(path).toString())
                    .sorted().toList();
        }
    }

    /** Deletes everything in {@code folder}, read-only folders included, and keeps the folder. */
    public static void empty(Path folder) throws IOException {
        for (String name : children(folder)) {
            RecursiveDelete.delete(folder.resolve(name));
        }
    }

    /**
     * Creates {@code folder} holding a small tree of what a folder transfer must keep: nested and
     * empty folders, an empty file, 300 KB of random bytes, a name with spaces, an executable, a
     * read-only file, and folders and files with modes other than the default.
     */
    public static Path plantSample(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("2024/summer"));
        Files.createDirectories(folder.resolve("empty"));
        Files.write(folder.resolve("2024/summer/beach.jpg"), RandomBytes.array(42, 300_000));
        Files.writeString(folder.resolve("2024/notes with spaces.txt"), "sunny\n");
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        Files.writeString(folder.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.writeString(folder.resolve("read only.txt"), "keep\n");
        PosixModes.apply(folder.resolve("run.sh"), 0750);
        PosixModes.apply(folder.resolve("empty.txt"), 0600);
        PosixModes.apply(folder.resolve("read only.txt"), 0444);
        PosixModes.apply(folder.resolve("2024"), 0700);
        return folder;
    }
}
