package dev.fileserver.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.fileserver.server.FileServerApplication;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;

/**
 * The server of this module's class path in a JVM of its own, for what an in-process server
 * cannot show: a small heap, a signal, {@code kill -9}, resident memory. It starts with the quick
 * compiler only.
 */
public final class ForkedServer {

    private static final ServerLauncher LAUNCHER = ServerLauncher.fromClasspath(FileServerApplication.class.getName());

    private ForkedServer() {
    }

    /** Serves {@code root} on ephemeral ports, with {@code jvmOptions} and further {@code --key=value}; once ready. */
    public static ServerProcess start(Path root, List<String> jvmOptions, String... properties)
            throws IOException, InterruptedException {
        return LAUNCHER.withJvmOptions(jvmOptions).startingQuickly().start(root, properties);
    }
}
