package dev.fileserver.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Facts about the machine the figures were measured on, read from the JVM and /proc. */
record Machine(String cpuModel, int cores, long memoryBytes, String jdk, String os, String host) {

    static Machine describe() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(), readJdk(), readOs(),
                readHost());
    }

    /** The load average now; other work on the machine makes every figure noisier. */
    static String loadAverage() {
        return read(Path.of("/proc/loadavg")).map(text -> String.join(" ", List.of(text.trim().split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    List<String> markdownLines() {
        return List.of(
                "- CPU: " + cpuModel + ", " + cores + " cores available to the JVM",
                "- Memory: " + String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024)),
                "- JDK: " + jdk,
                "- OS: " + os);
    }

    /** A short name for the results file: the host name's first label, or {@code machine}. */
    String fileLabel() {
        String label = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return label.isEmpty() || label.equals("localhost") ? "machine" : label;
    }

    private static String readCpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private static long readMemoryBytes() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .findFirst()
                .orElse(0L);
    }

    private static String readJdk() {
        return System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    private static String readOs() {
        String distribution = lines(Path.of("/etc/os-release")).stream()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst()
                .orElse(System.getProperty("os.name"));
        return distribution + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String readHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        }
        catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
