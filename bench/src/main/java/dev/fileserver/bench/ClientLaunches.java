package dev.fileserver.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ways a one-shot client command is started: the terminal client's jar as the README's
 * command runs it, the same through {@code bin/fileserver-client} (extracted jar, AOT context,
 * class archive; its own archive folder per JDK, made by a first run before anything is timed),
 * and the original v1 client script in Python.
 */
final class ClientLaunches {

    static final Path LAUNCHER = Path.of("bin", "fileserver-client");

    static final Path PYTHON_CLIENT = Path.of("scripts", "v1-client.py");

    private final BenchOptions options;

    private final Workspace workspace;

    private final int port;

    ClientLaunches(BenchOptions options, Workspace workspace, int port) {
        this.options = options;
        this.workspace = workspace;
        this.port = port;
    }

    /** {@code java -jar shell-client.jar --fileserver.port=N WORDS...}, on the harness's JDK. */
    Launch plain(Path directory, String... words) {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-jar", options.clientJar().toString(),
                "--fileserver.port=" + port));
        command.addAll(List.of(words));
        return new Launch("the client jar", command, Map.of(), directory, log("client-plain"));
    }

    /** {@code bin/fileserver-client --fileserver.port=N WORDS...} on the JDK at {@code javaHome}. */
    Launch launcher(Path javaHome, Path directory, String... words) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString(),
                "--fileserver.port=" + port));
        command.addAll(List.of(words));
        Path cache = workspace.base().resolve("client-launch-" + javaHome.getFileName());
        return new Launch("bin/fileserver-client on " + javaHome.getFileName(), command, Map.of("JAVA_HOME", javaHome.toString(),
                "FILESERVER_CLIENT_JAR", options.clientJar().toString(), "FILESERVER_CLIENT_CACHE", cache.toString()),
                directory, log("client-launcher"));
    }

    /** {@code python3 scripts/v1-client.py 127.0.0.1 N REQUEST...}. */
    Launch python(Path directory, String... request) {
        List<String> command = new ArrayList<>(List.of("python3", PYTHON_CLIENT.toAbsolutePath().toString(),
                "127.0.0.1", String.valueOf(port)));
        command.addAll(List.of(request));
        return new Launch("the Python v1 client", command, Map.of(), directory, log("client-python"));
    }

    /** The harness's own JDK. */
    static Path harnessJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** Where {@code name} is installed: on the PATH, or in the system's own folders, which a user's PATH may lack. */
    static Optional<Path> installed(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin";
        return Stream.of(path.split(":")).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    private Path log(String name) {
        return workspace.logs().resolve(name + ".log");
    }
}
