package dev.fileserver.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.fileserver.testsupport.ServerLauncher;

/**
 * The harness's command line.
 *
 * @param sizes            full or quick
 * @param runs             how many times each figure is measured
 * @param serverJar        the server as built
 * @param clientJar        the terminal client as built, for the one-shot start-up figure
 * @param resultsDirectory where the results file goes
 * @param command          the command to print in the results, as the user typed it
 * @param revision         the source revision measured, when known
 * @param serverJvmOptions extra JVM options for the server (a profiler, say)
 * @param only             the sections to run; all when empty
 */
record BenchOptions(Sizes sizes, int runs, Path serverJar, Path clientJar, Path resultsDirectory, String command,
        String revision, List<String> serverJvmOptions, Set<String> only) {

    static final Set<String> SECTIONS = Set.of("bulk", "integrity", "small", "tree", "concurrent", "sessions", "tls", "limits",
            "quota", "startup", "s3", "baselines", "burst", "idle", "launcher",
            "client-startup", "client");

    static final String USAGE = """
            usage: bench [--quick] [--runs N] [--only SECTION,...] [--server-jvm-option OPTION]...
                         [--server-jar PATH] [--client-jar PATH] [--results DIR] [--command TEXT] [--revision TEXT]
              sections: bulk, integrity, small, tree, concurrent, sessions, tls, limits, quota, startup, s3,
                        baselines, burst, idle, launcher, client-startup, client""";

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        Integer runs = null;
        Path serverJar = Path.of("server/target/server.jar");
        Path clientJar = Path.of("shell-client/target/shell-client.jar");
        Path results = Path.of("bench/results");
        String command = "bench/run " + String.join(" ", args);
        String revision = "";
        List<String> jvmOptions = new ArrayList<>();
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--server-jar" -> serverJar = Path.of(value(args, ++i));
                case "--client-jar" -> clientJar = Path.of(value(args, ++i));
                case "--results" -> results = Path.of(value(args, ++i));
                case "--command" -> command = value(args, ++i);
                case "--revision" -> revision = value(args, ++i);
                case "--server-jvm-option" -> jvmOptions.add(value(args, ++i));
                case "--only" -> only = Set.of(value(args, ++i).split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (!SECTIONS.containsAll(only)) {
            throw new IllegalArgumentException("unknown section in " + only + "\n" + USAGE);
        }
        int runCount = runs != null ? runs : quick ? 2 : 5;
        if (runCount < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        // the servers run elsewhere than the harness's working directory
        return new BenchOptions(quick ? Sizes.QUICK : Sizes.FULL, runCount, serverJar.toAbsolutePath(),
                clientJar.toAbsolutePath(), results, command.trim(), revision, List.copyOf(jvmOptions), only);
    }

    boolean quick() {
        return sizes == Sizes.QUICK;
    }

    /** The server as a user runs it, {@code java -jar}, with the extra JVM options; its output to {@code log}. */
    ServerLauncher serverLauncher(Path log) {
        return ServerLauncher.fromJar(serverJar).withJvmOptions(serverJvmOptions).withOutputTo(log);
    }

    boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
