package dev.fileserver.server.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.Trees;
import dev.fileserver.testsupport.V1Client;

/**
 * A folder upload replaces the old tree with two renames; a crash between them must not lose the
 * old tree. The state such a crash leaves is made here with the very step the upload uses.
 */
class FolderReplacementRecoveryTest {

    @TempDir
    Path root;

    @Test
    void anOldFolderSetAsideWhenTheServerDiedIsBackUnderItsNameAfterARestart() throws IOException {
        Path album = Files.createDirectories(root.resolve("album/2024"));
        Files.writeString(album.resolve("photo.jpg"), "old photo");
        Map<String, String> before = Trees.describe(root.resolve("album"));

        PreviousVersion.setAside(root.resolve("album"));
        assertThat(root.resolve("album")).doesNotExist();

        try (RunningServer server = RunningServer.start(root); V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "album\n");
        }
        assertThat(Trees.describe(root.resolve("album"))).isEqualTo(before);
        assertThat(Trees.names(root)).noneMatch(name -> name.contains(StorageRoot.TEMPORARY_PREFIX));
    }

    @Test
    void anOldFolderWhoseReplacementLandedIsDiscardedAtTheNextStart() throws IOException {
        Files.createDirectories(root.resolve("album"));
        Files.writeString(root.resolve("album/photo.jpg"), "old photo");
        PreviousVersion.setAside(root.resolve("album"));
        Files.createDirectories(root.resolve("album"));
        Files.writeString(root.resolve("album/photo.jpg"), "new photo");

        try (RunningServer server = RunningServer.start(root)) {
            assertThat(root.resolve("album/photo.jpg")).hasContent("new photo");
            assertThat(Trees.names(root)).noneMatch(name -> name.contains(StorageRoot.TEMPORARY_PREFIX));
        }
    }
}
