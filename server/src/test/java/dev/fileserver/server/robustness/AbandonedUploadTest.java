package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Await;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/**
 * A folder is unpacked after its last byte arrived; a client that goes away meanwhile stops that
 * work (it once went on to the end, and the folder appeared), and its temporaries are removed.
 */
class AbandonedUploadTest {

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        // no ratio limit: the folder is one that takes a while to unpack, not one to refuse
        server = RunningServer.start(root, "--fileserver.max-expansion-ratio=0");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatLeavesWhileItsFolderIsUnpackedStopsTheWorkAndLeavesNothing() throws Exception {
        byte[] slow = Tarballs.zeros("slow", 512L * Fixtures.MiB);
        SessionRegistry sessions = server.context().getBean(SessionRegistry.class);

        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendFile(Fixtures.directoryHeader("slow", slow.length), slow);
        }
        // the session ends only once the work for it has ended, stopped or done
        Await.until("the leaving client's session has ended", () -> sessions.size() == 0);

        assertThat(root.resolve("slow")).as("the folder of a client that left").doesNotExist();
        assertThat(Fixtures.temporaries(root)).isEmpty();
        try (V1Client next = V1Client.awaitAccepted(server.port())) {
            Fixtures.assertLists(next);
        }
    }

    @Test
    void aClientThatSendsItsNextRequestWhileItsFolderIsUnpackedIsStillThereAndAnsweredInOrder() throws Exception {
        byte[] folder = Tarballs.zeros("kept", 64L * Fixtures.MiB);

        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            // as a v1 client may: the upload, then at once the next request, no answer awaited between
            client.sendFile(Fixtures.directoryHeader("kept", folder.length), folder);
            client.send("/list");

            assertThat(client.receive(3)).containsExactly("ok", "ok", "kept\n");
        }
        assertThat(root.resolve("kept/zeros")).hasSize(64L * Fixtures.MiB);
        Files.delete(root.resolve("kept/zeros"));
        Files.delete(root.resolve("kept"));
    }
}
