package dev.fileserver.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * How to start the file server as a process of its own: from a class path (a module's tests) or
 * from its jar (as users run it), with JVM options and a file for its output.
 * {@link #start} gives the server ephemeral ports and a port file, and returns once the file says
 * where it listens. The launcher itself is a value: every {@code with...} returns a new one.
 */
public final class ServerLauncher {

    private static final Duration READY_PATIENCE = Duration.ofSeconds(120);

    /** What follows the JVM options: {@code -cp CLASSPATH MAIN} or {@code -jar JAR}; or a launcher script alone. */
    private final List<String> program;

    private final List<String> jvmOptions;

    private final Path output;

    /** The JDK that runs the server: this JVM's own unless {@link #withJavaHome} says otherwise. */
    private final Path javaHome;

    private ServerLauncher(List<String> program, List<String> jvmOptions, Path output) {
        this(program, jvmOptions, output, Path.of(System.getProperty("java.home")));
    }

    private ServerLauncher(List<String> program, List<String> jvmOptions, Path output, Path javaHome) {
        this.program = List.copyOf(program);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.output = output;
        this.javaHome = javaHome;
    }

    /** The main class {@code mainClass} on this JVM's own class path (made absolute, for another working directory). */
    public static ServerLauncher fromClasspath(String mainClass) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new ServerLauncher(List.of("-cp", classPath, mainClass), List.of(), null);
    }

    /** {@code java -jar jar}; the jar must exist when the server is started. */
    public static ServerLauncher fromJar(Path jar) {
        return new ServerLauncher(List.of("-jar", jar.toAbsolutePath().toString()), List.of(), null);
    }

    /**
     * A script that starts the server as {@code java -jar} would, taking the same arguments and the
     * JDK from {@code JAVA_HOME}; the JVM options reach it through {@code JAVA_TOOL_OPTIONS}.
     */
    public static ServerLauncher fromScript(Path script) {
        return new ServerLauncher(List.of(script.toAbsolutePath().toString()), List.of(), null);
    }

    public ServerLauncher withJvmOptions(List<String> options) {
        return new ServerLauncher(program, options, output, javaHome);
    }

    /** The server on another JDK than this JVM's (a newer one, for what only it has). */
    public ServerLauncher withJavaHome(Path home) {
        return new ServerLauncher(program, jvmOptions, output, home);
    }

    /**
     * The quick compiler only, for a server that lives seconds, as a test's: the optimising
     * compiler's work would never pay off, and it takes about half of a start on two cores.
     */
    public ServerLauncher startingQuickly() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        options.addAll(jvmOptions);
        return withJvmOptions(options);
    }

    /**
     * The file that receives the server's stdout and stderr; by default one in the server's own
     * folder, deleted with it on close. A file, not a pipe: a pipe nobody drained could stall the server.
     */
    public ServerLauncher withOutputTo(Path file) {
        return new ServerLauncher(program, jvmOptions, file, javaHome);
    }

    /**
     * Starts a server serving {@code root} on ephemeral ports, {@code properties} ({@code --key=value})
     * replacing any default, and waits until it is ready.
     */
    public ServerProcess start(Path root, String... properties) throws IOException, InterruptedException {
        if (program.get(0).equals("-jar") && !Files.isRegularFile(Path.of(program.get(1)))) {
            throw new IOException("no server jar at " + program.get(1)
                    + "; build it first: ./mvnw -B -DskipTests package (or run ./mvnw verify)");
        }
        Path folder = Files.createTempDirectory("fileserver-server-");
        Path portFile = folder.resolve("ports");
        Path log = output != null ? output : folder.resolve("output.log");
        List<String> settings = new ArrayList<>(List.of(properties));
        settings.add("--fileserver.port-file=" + portFile);
        boolean script = !program.get(0).startsWith("-");
        List<String> command = new ArrayList<>();
        if (!script) {
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(jvmOptions);
        }
        command.addAll(program);
        command.addAll(ServerArguments.of(root, settings));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (script) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
            if (!jvmOptions.isEmpty()) {
                builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
            }
        }
        Process process = builder
                // a folder of its own: no ./config/ of a working tree is read, no ./data created anywhere
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            return new ServerProcess(process, folder, log, awaitPortFile(process, portFile, log));
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            process.waitFor();
            RecursiveDelete.deleteQuietly(folder);
            throw e;
        }
    }

    private static PortFile awaitPortFile(Process process, Path portFile, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue()
                        + " before it was ready; its output:\n" + ServerProcess.tail(log));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the server was not ready after " + READY_PATIENCE.toSeconds()
                        + " s; its output:\n" + ServerProcess.tail(log));
            }
            Thread.sleep(10);
        }
        return PortFile.read(portFile);
    }
}
