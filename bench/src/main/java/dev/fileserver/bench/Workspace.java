package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * A temporary folder for one run: the server's root, the client's side (downloads land there, on
 * the same disk as the root) and the servers' logs. Deleted at the end, whatever happened.
 */
final class Workspace implements AutoCloseable {

    private final Path base;

    private Workspace(Path base) {
        this.base = base;
    }

    static Workspace create() throws IOException {
        Workspace workspace = new Workspace(Files.createTempDirectory("fileserver-bench-"));
        Files.createDirectories(workspace.root());
        Files.createDirectories(workspace.client());
        Files.createDirectories(workspace.logs());
        return workspace;
    }

    Path base() {
        return base;
    }

    Path root() {
        return base.resolve("root");
    }

    Path client() {
        return base.resolve("client");
    }

    Path logs() {
        return base.resolve("logs");
    }

    /** A fresh empty folder on the client's side. */
    Path clientFolder(String name) throws IOException {
        Path folder = client().resolve(name);
        RecursiveDelete.delete(folder);
        return Files.createDirectories(folder);
    }

    @Override
    public void close() throws IOException {
        RecursiveDelete.delete(base);
    }
}
