package dev.fileserver.server.robustness;

import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.wire.support.TestSupport.nestedFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * A small tarball of deeply nested folders costs the server work in proportion to its entries
 * (it once cost the cube of its depth: 69 s of CPU for 400 levels, hours for 2,000), and past
 * {@code max-path-depth} or {@code max-path-length} it is refused before anything is written.
 */
class DeepFolderUploadTest {

    static Path roots;

    static RunningServer defaults;

    static RunningServer deep;

    @BeforeAll
    static void start() throws IOException {
        // short paths: 2,000 levels of one-letter names come close to Linux's 4096-byte limit
        roots = Files.createTempDirectory("deep");
        defaults = RunningServer.start(Files.createDirectory(roots.resolve("a")));
        deep = RunningServer.start(Files.createDirectory(roots.resolve("b")),
                "--fileserver.max-path-depth=2000", "--fileserver.max-path-length=4000");
    }

    @AfterAll
    static void stop() throws IOException {
        defaults.close();
        deep.close();
        // JUnit's own clean-up resolves the real path of every folder, which at this depth takes minutes
        RecursiveDelete.delete(roots);
    }

    @Test
    void aFolderNested2000LevelsDeepIsStoredWholeWhenTheLimitsAllowIt() throws Exception {
        byte[] tarball = nestedFolders("t", 2_000);

        String reply = upload(deep, "t", tarball);

        assertThat(reply).isEqualTo("ok");
        Path bottom = deep.root().resolve("t" + "/d".repeat(1_998) + "/f");
        assertThat(bottom).hasContent("deepest");
        assertThat(Fixtures.temporaries(deep.root())).isEmpty();
    }

    @Test
    void aFolderNestedDeeperThanMaxPathDepthIsRefusedAndNothingIsKept() throws Exception {
        String reply = upload(defaults, "t", nestedFolders("t", 257));

        assertThat(reply).startsWith("Error: archive entry 't/d/d/").endsWith("' is nested more than 256 levels deep");
        assertThat(defaults.root().resolve("t")).doesNotExist();
        assertThat(Fixtures.temporaries(defaults.root())).isEmpty();
    }

    @Test
    void aFolderNestedAsDeepAsMaxPathDepthIsStored() throws Exception {
        assertThat(upload(defaults, "u", nestedFolders("u", 256))).isEqualTo("ok");

        assertThat(defaults.root().resolve("u" + "/d".repeat(254) + "/f")).hasContent("deepest");
        RecursiveDelete.delete(defaults.root().resolve("u"));
    }

    @Test
    void anEntryNameLongerThanMaxPathLengthIsRefusedAndNothingIsKept() throws Exception {
        String longName = "v/" + ("n".repeat(200) + "/").repeat(21) + "f";
        byte[] tarball = Tarballs.of(file(longName, "long"));

        String reply = upload(defaults, "v", tarball);

        assertThat(reply).endsWith("' has a name longer than 4096 characters");
        assertThat(defaults.root().resolve("v")).doesNotExist();
        assertThat(Fixtures.temporaries(defaults.root())).isEmpty();
    }

    /** The folder {@code name} as a file frame asking for an acknowledgement; the status text. */
    private static String upload(RunningServer server, String name, byte[] tarball) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            // a guard against hanging for hours, as this upload once did, not a measurement
            client.socket().setSoTimeout(120_000);
            return client.uploadAcked(Fixtures.directoryHeader(name, tarball.length), tarball);
        }
    }
}
