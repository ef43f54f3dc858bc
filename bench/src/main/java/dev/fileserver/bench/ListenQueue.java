package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * ({@code TcpExt: ListenOverflows} in /proc/net/netstat). System-wide, but on loopback during a
 * burst of our own connects it tells whether the server's backlog was the bottleneck.
 */
final class ListenQueue {

    private ListenQueue() {
    }

    /** The counter now, or -1 where /proc does not have it. */
    static long overflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat")).stream()
                    .filter(line -> line.startsWith("TcpExt:"))
                    .toList();
            if (lines.size() < 2) {
                return -1;
            }
            String[] names = lines.get(0).split("\\s+");
            String[] values = lines.get(1).split("\\s+");
            for (int i = 1; i < names.length && i < values.length; i++) {
                if (names[i].equals("ListenOverflows")) {
                    return Long.parseLong(values[i]);
                }
            }
            return -1;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
