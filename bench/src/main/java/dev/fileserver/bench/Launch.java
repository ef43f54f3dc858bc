package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command started as a user starts it, as a process of its own, timed from launch to exit;
 * standard input is empty, the output goes to a log file.
 */
record Launch(String what, List<String> command, Map<String, String> environment, Path directory, Path log) {

    private static final long LIMIT_SECONDS = 600;

    /** What a finished launch left: its time, its exit code and what it printed. */
    record Ended(long nanos, int exitCode, String output) {
    }

    Ended run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException(what + " did not exit within " + LIMIT_SECONDS + " s");
        }
        long nanos = System.nanoTime() - started;
        return new Ended(nanos, process.exitValue(), Files.readString(log));
    }

    /** Runs it and fails unless it exits 0; gives the seconds it took. */
    Ended succeed() throws IOException, InterruptedException {
        Ended ended = run();
        if (ended.exitCode() != 0) {
            throw new IOException(what + " exited with " + ended.exitCode() + ": " + ended.output().strip());
        }
        return ended;
    }
}
