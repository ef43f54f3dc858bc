package dev.fileserver.client.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.fileserver.client.Confirmation;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ConnectionSettings;
import dev.fileserver.client.connection.ServerAddress;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.support.FakeV1Server;
import dev.fileserver.testsupport.TarEntry;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.TarballSource;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The client unpacks a downloaded folder with the server's own extractor, so a hostile server
 * gets no more from it than a hostile client gets from the server: deep nesting costs work in
 * proportion to the entries (it once cost the cube of the depth), and names nested past the
 * limits or holding control characters are refused with nothing left behind.
 */
class HostileFolderDownloadTest {

    Path into;

    @BeforeEach
    void createFolder() throws IOException {
        // short paths: 2,000 levels of one-letter names come close to Linux's 4096-byte limit
        into = Files.createTempDirectory("dl");
    }

    @AfterEach
    void deleteFolder() throws IOException {
        // JUnit's own clean-up resolves the real path of every folder, which at this depth takes minutes
        RecursiveDelete.delete(into);
    }

    @Test
    @Timeout(300) // a guard against hanging for hours, as this download once did, not a measurement
    void aFolderNested2000LevelsDeepLandsWholeWhenTheLimitsAllowIt() throws Exception {
        DownloadTransfer deep = new DownloadTransfer(new TarballLimits(1 << 20, 10_000).withPathLimits(2_000, 4_000));

        download(deep, "t", nestedFolders("t", 2_000));

        assertThat(into.resolve("t" + "/d".repeat(1_998) + "/f")).hasContent("deepest");
        assertThat(Trees.children(into)).containsExactly("t");
    }

    @Test
    void aFolderNestedDeeperThanTheDefaultLimitIsRefusedAndNothingIsLeft() throws Exception {
        DownloadTransfer defaults = new DownloadTransfer(new TarballLimits(1 << 20, 10_000));

        assertThatThrownBy(() -> download(defaults, "t", nestedFolders("t", 257)))
                .isInstanceOf(LocalFileException.class)
                .hasMessageEndingWith("' is nested more than 256 levels deep; nothing was saved");
        assertThat(Trees.children(into)).isEmpty();
    }

    @Test
    void anEntryWithAControlCharacterIsRefusedShownEscapedAndNothingIsLeft() throws Exception {
        byte[] tarball = Tarballs.of(TarEntry.folder("photos"), TarEntry.file("photos/ok.txt", "fine"),
                TarEntry.file("photos/evil\nspoofed.txt", "x"));
        DownloadTransfer defaults = new DownloadTransfer(new TarballLimits(1 << 20, 10_000));

        assertThatThrownBy(() -> download(defaults, "photos", tarball))
                .isInstanceOf(LocalFileException.class)
                .hasMessage("Error: archive entry 'photos/evil\\nspoofed.txt' has a control character in its name;"
                        + " nothing was saved");
        assertThat(Trees.children(into)).isEmpty();
    }

    /** Downloads the folder {@code name} from a v1 peer that sends {@code tarball} for it. */
    private void download(DownloadTransfer transfer, String name, byte[] tarball) throws Exception {
        try (FakeV1Server server = FakeV1Server.start(peer -> {
            peer.answerCapabilitiesAsV1();
            peer.expect("/download " + name);
            peer.send("ok", "dir");
            peer.expect("y");
            peer.sendFile(FileHeader.ofDirectory(name, 0755, tarball.length), tarball);
        }); ClientSession session = new ClientSession(new ServerAddress("127.0.0.1", server.port()),
                ConnectionSettings.DEFAULT)) {
            session.converse(connection -> transfer.run(connection, name, into, Confirmation.YES, TransferProgress.NONE, false));
        }
    }

    /** {@code top/}, {@code top/d/}, ... and the file {@code top/d/.../f}, whose name has {@code depth} parts. */
    private static byte[] nestedFolders(String top, int depth) throws IOException {
        List<TarballSource.Entry> entries = new ArrayList<>();
        String name = "";
        for (int level = 1; level < depth; level++) {
            entries.add(new Level(name, true));
            name = name.isEmpty() ? "d" : name + "/d";
        }
        entries.add(new Level(name.substring(0, name.length() - 1) + "f", false));
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        DirectoryTarball.of(top, () -> entries).writeTo(archive);
        return archive.toByteArray();
    }

    private record Level(String name, boolean folder) implements TarballSource.Entry {

        private static final byte[] CONTENT = "deepest".getBytes(StandardCharsets.UTF_8);

        @Override
        public long size() {
            return folder ? 0 : CONTENT.length;
        }

        @Override
        public int mode() {
            return folder ? 0755 : 0644;
        }

        @Override
        public FileTime modified() {
            return FileTime.fromMillis(0);
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(CONTENT);
        }
    }
}
