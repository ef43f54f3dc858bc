package dev.fileserver.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.server.FileServerApplication;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;

/**
 * The server of this module's class path in a JVM of its own, for what an in-process server
 * cannot show: a small heap, a signal, {@code kill -9}, resident memory.
 */
public final class ForkedServer {

    private static final ServerLauncher LAUNCHER = ServerLauncher.fromClasspath(FileServerApplication.class.getName());

    /**
     * A test's server lives seconds: the optimising compiler's work would not pay off, and it takes
     * about half of a start on two cores (4 s instead of 7 s on the development machine).
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

    private ForkedServer() {
    }

    /** Serves {@code root} on ephemeral ports, with {@code jvmOptions} and further {@code --key=value}; once ready. */
    public static ServerProcess start(Path root, List<String> jvmOptions, String... properties)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(QUICK_START);
        options.addAll(jvmOptions);
        return LAUNCHER.withJvmOptions(options).start(root, properties);
    }
}
