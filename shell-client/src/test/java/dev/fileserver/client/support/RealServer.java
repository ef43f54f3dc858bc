package dev.fileserver.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The real server: its jar, as users run it, in a process of its own on ephemeral ports. Starting
 * it costs seconds, so one serves every test class of the run that registers this extension, and
 * each of those classes starts with an empty root. (In-process would need the server module to
 * publish its plain jar; its Boot repackaging replaces it in the reactor.)
 */
public final class RealServer implements BeforeAllCallback {

    private static final Path JAR = Path.of(System.getProperty("fileserver.server.jar", "../server/target/server.jar"));

    private final List<String> properties;

    private Shared shared;

    /** {@code properties}: further {@code --key=value} settings; each set of them gets a server of its own. */
    public RealServer(String... properties) {
        this.properties = List.of(properties);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        shared = context.getRoot().getStore(Namespace.create(RealServer.class))
                .computeIfAbsent(properties, key -> Shared.start(properties), Shared.class);
        Trees.empty(shared.root());
    }

    public int port() {
        return shared.process().tcpPort();
    }

    public Path root() {
        return shared.root();
    }

    /** The server and the root it serves; closed with the run's root store, after the last test class. */
    private record Shared(ServerProcess process, Path root) implements AutoCloseable {

        static Shared start(List<String> properties) {
            try {
                Path root = Files.createTempDirectory("fileserver-client-tests-");
                return new Shared(ServerLauncher.fromJar(JAR).withJvmOptions(List.of("-Xmx256m")).startingQuickly()
                        .start(root, properties.toArray(String[]::new)), root);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the server", e);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            process.close();
            RecursiveDelete.delete(root);
        }
    }
}
