package dev.fileserver.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import dev.fileserver.wire.Transfer;

/**
 * The files every measurement reads, made once in the server's root with random (incompressible)
 * content, and their checksums, against which whatever arrives is checked.
 */
final class Fixtures {

    static final String BIG = "big.bin";

    static final String MEDIUM = "medium.bin";

    /** A small folder for {@code /list} round trips. */
    static final String SMALL_FOLDER = "small";

    /** 4 KiB files downloaded one after another in one session. */
    static final String TINY_FOLDER = "tiny";

    /** The folder of many 4 KiB files transferred whole. */
    static final String TREE = "tree";

    /** Where our server stores uploads. */
    static final String UPLOADS = "uploads";

    /** Where the baselines store uploads. */
    static final String BASELINE_UPLOADS = "baseline-uploads";

    private final Path root;

    private final Map<String, Checksummed> sums;

    private final String smallListing;

    private Fixtures(Path root, Map<String, Checksummed> sums, String smallListing) {
        this.root = root;
        this.sums = sums;
        this.smallListing = smallListing;
    }

    static Fixtures create(Path root, Sizes sizes) throws IOException {
        Map<String, Checksummed> sums = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(20240917);
        sums.put(BIG, write(root.resolve(BIG), sizes.bigFile(), random));
        sums.put(MEDIUM, write(root.resolve(MEDIUM), sizes.concurrentFile(), random));
        List<String> smallNames = new ArrayList<>();
        Files.createDirectories(root.resolve(SMALL_FOLDER));
        for (int i = 1; i <= 12; i++) {
            String name = String.format("note-%02d.txt", i);
            write(root.resolve(SMALL_FOLDER).resolve(name), 100 + i, random);
            smallNames.add(name);
        }
        Files.createDirectories(root.resolve(TINY_FOLDER));
        for (int i = 0; i < sizes.smallDownloads(); i++) {
            String name = TINY_FOLDER + "/" + tinyName(i);
            sums.put(name, write(root.resolve(name), Sizes.SMALL_FILE, random));
        }
        Files.createDirectories(root.resolve(TREE));
        for (int i = 0; i < sizes.treeFiles(); i++) {
            String name = TREE + "/" + String.format("file-%04d.bin", i);
            sums.put(name, write(root.resolve(name), Sizes.SMALL_FILE, random));
        }
        Files.createDirectories(root.resolve(UPLOADS));
        Files.createDirectories(root.resolve(BASELINE_UPLOADS));
        StringBuilder listing = new StringBuilder();
        smallNames.stream().sorted().forEach(name -> listing.append(name).append('\n'));
        return new Fixtures(root, sums, listing.toString());
    }

    static String tinyName(int index) {
        return String.format("f-%04d.bin", index);
    }

    Path root() {
        return root;
    }

    Path path(String name) {
        return root.resolve(name);
    }

    Checksummed sum(String name) {
        return sums.get(name);
    }

    /** The text a {@code /list} of the small folder must answer. */
    String smallListing() {
        return smallListing;
    }

    /** The names of the tree's files, relative to the tree's parent ({@code tree/file-0000.bin}, ...). */
    List<String> treeFiles() {
        return sums.keySet().stream().filter(name -> name.startsWith(TREE + "/")).toList();
    }

    /** Checks every file of a received copy of the tree, below {@code parent}. */
    void verifyTree(Path parent, String what) throws IOException {
        List<String> names = treeFiles();
        try (var received = Files.list(parent.resolve(TREE))) {
            long count = received.count();
            if (count != names.size()) {
                throw new ByteMismatchException(what + ": " + count + " files arrived, " + names.size() + " were sent");
            }
        }
        for (String name : names) {
            sums.get(name).verify(Checksummed.of(parent.resolve(name)), what + " " + name);
        }
    }

    private static Checksummed write(Path file, long length, SplittableRandom random) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        try (OutputStream out = Files.newOutputStream(file)) {
            long remaining = length;
            while (remaining > 0) {
                int chunk = (int) Math.min(buffer.length, remaining);
                random.nextBytes(buffer);
                crc.update(buffer, 0, chunk);
                out.write(buffer, 0, chunk);
                remaining -= chunk;
            }
        }
        return new Checksummed(length, crc.getValue());
    }
}
