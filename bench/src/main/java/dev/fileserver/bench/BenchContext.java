package dev.fileserver.bench;

import java.util.List;

/** What every measurement needs: the running servers, the files, the baselines at hand. */
record BenchContext(BenchOptions options, Workspace workspace, Fixtures fixtures, int serverPort, long serverPid,
        int rawPort, List<ExternalCopy> tools) {

    Sizes sizes() {
        return options.sizes();
    }

    int runs() {
        return options.runs();
    }

    /** Runs alternate which side goes first, so that neither always finds the page cache or the JIT warmer. */
    static boolean baselineFirst(int run) {
        return run % 2 == 0;
    }

    static void progress(String line) {
        System.err.println("  " + line);
    }
}
