package dev.fileserver.bench;

/**
 * How much each measurement moves and how often: the full set, or a quick one that shows the
 * harness works in a minute or two.
 */
record Sizes(long bigFile, long concurrentFile, int listRoundTrips, int smallDownloads, int treeFiles, int sessions,
        int listsPerSession, int quotaTreeFiles) {

    static final int MIB = 1024 * 1024;

    static final int SMALL_FILE = 4 * 1024;

    static final Sizes FULL = new Sizes(1024L * MIB, 100L * MIB, 1000, 200, 2000, 200, 10, 100_000);

    static final Sizes QUICK = new Sizes(64L * MIB, 16L * MIB, 200, 50, 2000, 50, 10, 20_000);

    String bigFileLabel() {
        return label(bigFile);
    }

    String concurrentFileLabel() {
        return label(concurrentFile);
    }

    private static String label(long bytes) {
        return bytes % (1024L * MIB) == 0 ? bytes / (1024L * MIB) + " GiB" : bytes / MIB + " MiB";
    }
}
