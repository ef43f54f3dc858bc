package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A folder upload may expand to {@code max-expansion-ratio} (100 by default) times the bytes sent
 * for it, beyond a first 8 MiB every folder may take: a gzip bomb is refused with a clear error and
 * leaves nothing, where it once filled the disk with 1,000 times what the client sent.
 */
class ExpansionRatioTest {

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGzipBombIsRefusedWithTheRatioInTheErrorAndLeavesNothing() throws Exception {
        byte[] bomb = Tarballs.zeros("bomb", 64L * Fixtures.MiB);
        assertThat(bomb.length).as("bytes sent").isLessThan(Fixtures.MiB / 4);

        String reply = upload("bomb", bomb);

        assertThat(reply).isEqualTo("Error: the archive for 'bomb' expands to more than 100 times the "
                + bomb.length + " bytes sent; nothing was stored");
        assertThat(root.resolve("bomb")).doesNotExist();
        assertThat(Fixtures.temporaries(root)).isEmpty();
    }

    @Test
    void aSmallFolderThatCompressesWellIsStoredWhateverItsRatio() throws Exception {
        byte[] small = Tarballs.zeros("small", 4L * Fixtures.MiB);

        assertThat(upload("small", small)).isEqualTo("ok");

        assertThat(Files.size(root.resolve("small/zeros"))).isEqualTo(4L * Fixtures.MiB);
    }

    private static String upload(String name, byte[] tarball) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            return client.uploadAcked(Fixtures.directoryHeader(name, tarball.length), tarball);
        }
    }
}
