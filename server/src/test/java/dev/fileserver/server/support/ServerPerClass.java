package dev.fileserver.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * One in-process server for a whole test class, serving a folder named {@code root} in a temporary
 * folder of its own (room for what a test puts beside the root). Before each test, once the
 * connections of the one before have ended, the root is emptied: every test starts from nothing
 * and plants what it needs. Register it on a static field with {@code @RegisterExtension}.
 */
public final class ServerPerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String[] properties;

    private Path folder;

    private RunningServer server;

    /** {@code properties}: further {@code --key=value} settings of the server. */
    public ServerPerClass(String... properties) {
        this.properties = properties.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("fileserver-test-");
        server = RunningServer.start(Files.createDirectory(folder.resolve("root")), properties);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // a session still ending may be about to touch the root
        SessionRegistry sessions = server.context().getBean(SessionRegistry.class);
        Await.until("the connections of the previous test end", () -> sessions.size() == 0);
        Trees.empty(root());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        RecursiveDelete.delete(folder);
    }

    /** The served folder, named {@code root}. */
    public Path root() {
        return server.root();
    }

    /** The file service's port. */
    public int port() {
        return server.port();
    }
}
