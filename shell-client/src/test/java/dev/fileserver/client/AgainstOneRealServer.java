package dev.fileserver.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.client.support.RealServer;
import dev.fileserver.client.support.Trees;

/**
 * One real server for a test class, on an ephemeral port with a temporary root that each test
 * finds empty, and a local folder of the test's own.
 */
abstract class AgainstOneRealServer {

    @TempDir
    static Path served;

    static RealServer server;

    @TempDir
    Path temp;

    Path root;

    Path local;

    @BeforeAll
    static void startServer() throws Exception {
        server = RealServer.start(Files.createDirectories(served.resolve("root")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void emptyTheRoot() throws IOException {
        root = server.root();
        for (String name : Trees.names(root)) {
            Trees.delete(root.resolve(name));
        }
        local = Files.createDirectories(temp.resolve("local"));
    }

    /** The client run as a script runs it, against the server. */
    ClientRun client(String... args) {
        return ClientRun.of(server.port(), args);
    }
}
