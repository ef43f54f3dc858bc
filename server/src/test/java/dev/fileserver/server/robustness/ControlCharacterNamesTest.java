package dev.fileserver.server.robustness;

import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.testsupport.TarEntry.folder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Names holding control characters: refused wherever a client makes one (an upload, an archive
 * entry), and where one already stands on disk, made by someone else, listed and drawn escaped on
 * its one line ({@code \n}, {@code \t}, {@code \xHH}) instead of forging lines, and left out of
 * folder downloads.
 */
class ControlCharacterNamesTest {

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello\n");
        Files.writeString(root.resolve("evil\nspoofed.txt"), "made on the server's disk by someone else");
        Files.writeString(Files.createDirectory(root.resolve("tab\tfolder")).resolve("inner.txt"), "inner");
        Path album = Files.createDirectory(root.resolve("album"));
        Files.writeString(album.resolve("good.txt"), "good");
        Files.writeString(album.resolve("bell\u0007.txt"), "rings");
        server = RunningServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aListingShowsANameWithANewlineEscapedOnItsOneLine() throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/list", 3))
                    .containsExactly("ok", "ok", "album\nevil\\nspoofed.txt\nnotes.txt\ntab\\tfolder\n");
        }
    }

    @Test
    void aTreeDrawsTheNamesEscapedAndEntersAFolderWithATabInItsName() throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/tree", 3)).containsExactly("ok", "ok", root.getFileName() + "\n"
                    + "├── album\n"
                    + "│   ├── bell\\x07.txt\n"
                    + "│   └── good.txt\n"
                    + "├── evil\\nspoofed.txt\n"
                    + "├── notes.txt\n"
                    + "└── tab\\tfolder\n"
                    + "    └── inner.txt\n");
        }
    }

    @Test
    void aFileNamedWithANewlineIsRefusedOnUploadWithTheNameEscaped() throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = client.uploadAcked(FileHeader.ofFile("new\nline.txt", 0644, 4), "line".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(reply).isEqualTo("Error: 'new\\nline.txt' is not a valid file name: it holds a control character");
        }
        assertThat(root.resolve("new\nline.txt")).doesNotExist();
        assertThat(Fixtures.temporaries(root)).isEmpty();
    }

    @Test
    void aTarballEntryWithAControlCharacterIsRefusedAndNothingIsKept() throws Exception {
        byte[] tarball = Tarballs.of(folder("top"), file("top/ok.txt", "fine"), file("top/red\u001b[31m.txt", "x"));
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = client.uploadAcked(Fixtures.directoryHeader("top", tarball.length), tarball);

            assertThat(reply).isEqualTo("Error: archive entry 'top/red\\x1b[31m.txt' has a control character in its name");
        }
        assertThat(root.resolve("top")).doesNotExist();
        assertThat(Fixtures.temporaries(root)).isEmpty();
    }

    @Test
    void aFolderDownloadLeavesOutANameWithAControlCharacter() throws Exception {
        ByteArrayOutputStream tarball = new ByteArrayOutputStream();
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            client.download("album", "dir", tarball);
        }

        assertThat(Tarballs.entryNames(tarball.toByteArray())).containsExactly("album/", "album/good.txt");
    }
}
