package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a process from {@code /proc/PID/status} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident memory now. */
    public static long residentBytes(long pid) throws IOException {
        return kilobytes(pid, "VmRSS:") * 1024;
    }

    /** The high-water mark of resident memory since the process started. */
    public static long peakResidentBytes(long pid) throws IOException {
        return kilobytes(pid, "VmHWM:") * 1024;
    }

    private static long kilobytes(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(key + " is not in /proc/" + pid + "/status");
    }
}
