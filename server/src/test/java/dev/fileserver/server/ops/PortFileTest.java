package dev.fileserver.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/** With {@code fileserver.port-file}, the ready server says in a file where it listens, and deletes it on shutdown. */
class PortFileTest {

    @TempDir
    Path temp;

    @Test
    void theReadyServerWritesItsBoundPortsAndDeletesTheFileWhenItStops() throws IOException {
        Path portFile = temp.resolve("server.ports");
        RunningServer server = RunningServer.start(temp.resolve("root"), "--fileserver.port-file=" + portFile);
        try {
            assertThat(portFile).hasContent("tcp=" + server.port() + "\nhttp=" + server.httpPort() + "\n");
            // nothing else beside it: the temporary it was written to was renamed
            assertThat(namesIn(temp)).containsExactly("root", "server.ports");
            List<String> lines = Files.readAllLines(portFile);
            int tcpPort = Integer.parseInt(lines.get(0).substring("tcp=".length()));
            try (V1Client client = V1Client.connectAccepted(tcpPort)) {
                assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
            }
            assertThat(lines.get(1)).isEqualTo("http=" + server.httpPort());
            assertThat(server.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
        finally {
            server.close();
        }
        assertThat(portFile).doesNotExist();
    }

    @Test
    void withoutThePropertyNoFileIsWritten() throws IOException {
        try (RunningServer server = RunningServer.start(temp.resolve("root"))) {
            assertThat(namesIn(temp)).containsExactly("root");
        }
    }

    @Test
    void aPortFileThatCannotBeWrittenStopsStartUpNamingTheProperty() {
        Path portFile = temp.resolve("missing-folder/server.ports");
        Throwable thrown = catchThrowable(() -> RunningServer.start(temp.resolve("root"),
                "--fileserver.port-file=" + portFile));
        assertThat(thrown).hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class);
        Throwable cause = thrown;
        while (!(cause instanceof StartupException)) {
            cause = cause.getCause();
        }
        assertThat(cause).hasMessageStartingWith("fileserver.port-file: cannot write '" + portFile + "'");
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (var names = Files.list(folder)) {
            return names.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
