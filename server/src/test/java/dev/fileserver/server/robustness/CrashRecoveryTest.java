package dev.fileserver.server.robustness;

import static dev.fileserver.server.robustness.Fixtures.MiB;
import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.testsupport.TarEntry.folder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * All or nothing across a crash: an upload cut by {@code kill -9} leaves the previous content
 * under its name, and the temporary file it left is removed when the server starts again.
 */
class CrashRecoveryTest {

    private static final int KiB = 1024;

    @TempDir
    Path root;

    // A small replacement proves as much as a large one: the server is killed once half of it is on disk.

    @Test
    void aFileReplacementCutByKillLeavesTheOldFileAndItsTemporaryGoesAtTheNextStart() throws Exception {
        Files.write(root.resolve("data.bin"), RandomBytes.array(1, 64 * KiB));
        long length = MiB;
        try (InputStream replacement = RandomBytes.stream(2, length)) {
            assertCutByKillAndRecovered(FileHeader.ofFile("data.bin", 0644, length), replacement, length / 2,
                    "data.bin");
        }
    }

    @Test
    void aFolderReplacementCutByKillLeavesTheOldFolderAndItsTemporaryGoesAtTheNextStart() throws Exception {
        Files.createDirectories(root.resolve("photos/2024"));
        Files.write(root.resolve("photos/cat.jpg"), RandomBytes.array(3, 64 * KiB));
        Files.write(root.resolve("photos/2024/dog.jpg"), RandomBytes.array(4, 64 * KiB));
        byte[] tarball = Tarballs.of(folder("photos"), folder("photos/2025"),
                file("photos/2025/bird.jpg", RandomBytes.array(5, MiB), 0100644));
        assertCutByKillAndRecovered(Fixtures.directoryHeader("photos", tarball.length),
                new ByteArrayInputStream(tarball), tarball.length / 2, "photos");
    }

    /** Sends {@code sent} bytes of an upload, kills the server once they are on disk, then starts one again. */
    private void assertCutByKillAndRecovered(FileHeader header, InputStream content, long sent, String... listing)
            throws Exception {
        Map<String, String> before = Trees.describe(root);
        try (ServerProcess server = ForkedServer.start(root, List.of());
                V1Client client = V1Client.connectAccepted(server.tcpPort())) {
            client.beginUpload("", header);
            client.sendPart(content, sent);
            Await.until("the server has written the " + sent + " bytes sent", () -> temporaryBytes() == sent);
            server.kill();
        }
        // the crash left its temporary file: what the next start must clean up
        assertThat(Fixtures.temporaries(root)).hasSize(1);
        assertThat(withoutTemporaries(Trees.describe(root))).isEqualTo(before);

        // the start that cleans up is the same in this JVM, where it costs a fraction of a new one
        try (RunningServer restarted = RunningServer.start(root);
                V1Client client = V1Client.connectAccepted(restarted.port())) {
            assertThat(Fixtures.temporaries(root)).isEmpty();
            Fixtures.assertLists(client, listing);
        }
        assertThat(Trees.describe(root)).isEqualTo(before);
    }

    private long temporaryBytes() throws IOException {
        long bytes = 0;
        for (String name : Fixtures.temporaries(root)) {
            bytes += Files.size(root.resolve(name));
        }
        return bytes;
    }

    private static Map<String, String> withoutTemporaries(Map<String, String> description) {
        Map<String, String> kept = new TreeMap<>(description);
        kept.keySet().removeIf(name -> name.contains(StorageRoot.TEMPORARY_PREFIX));
        return kept;
    }
}
