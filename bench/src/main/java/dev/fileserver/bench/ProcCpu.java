package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, user and system, from {@code /proc/PID/stat} (Linux): unlike a
 * transfer's rate, what a piece of work costs in CPU hardly depends on what else the machine runs.
 */
final class ProcCpu {

    /** {@code USER_HZ}, the unit of the times in {@code /proc/PID/stat}: 100 on every Linux in use. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name may hold spaces: the fields that follow start after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return (double) ticks / TICKS_PER_SECOND;
    }
}
