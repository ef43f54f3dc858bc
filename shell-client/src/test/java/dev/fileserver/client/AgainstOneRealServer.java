package dev.fileserver.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.client.support.RealServer;
import dev.fileserver.testsupport.Trees;

/**
 * The real server shared by the client's test classes, with a root each test finds empty and a
 * local folder of the test's own.
 */
abstract class AgainstOneRealServer {

    @RegisterExtension
    static final RealServer server = new RealServer();

    @TempDir
    Path temp;

    Path root;

    Path local;

    @BeforeEach
    void emptyTheRoot() throws IOException {
        root = server.root();
        Trees.empty(root);
        local = Files.createDirectories(temp.resolve("local"));
    }

    /** The client run as a script runs it, against the server. */
    ClientRun client(String... args) {
        return ClientRun.of(server.port(), args);
    }
}
