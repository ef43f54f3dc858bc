package dev.fileserver.server.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** The quotas on the local disk: beyond what every backend does, the disk's free space is told. */
class LocalQuotaTest extends QuotaConversationContract {

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(root, QUOTA);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    RunningServer server() {
        return server;
    }

    @Override
    void emptyStore() throws Exception {
        Trees.empty(root);
    }

    @Override
    void plant(String name, int size) throws Exception {
        Files.write(root.resolve(name), new byte[size]);
    }

    @Override
    List<String> stored() throws Exception {
        return Trees.children(root);
    }

    @Test
    void quotaTellsTheFreeSpaceOfTheRootsDisk() throws Exception {
        String freeLine = List.of(quota().split("\n")).get(4);

        assertThat(Long.parseLong(freeLine.substring("disk-free ".length())))
                .isCloseTo(Files.getFileStore(root).getUsableSpace(), Offset.offset(1L << 30));
    }

    @Test
    void aV1ClientIsToldOfTheQuotaInTheOneErrorFrameOfAFullDiskAndNothingElse() throws Exception {
        plant("old.bin", 64 * KiB);
        recount();

        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendFile(FileHeader.ofFile("x", 0644, 1), new byte[] {'x'});

            assertThat(client.receive()).isEqualTo(
                    "Error: quota exceeded: no room for 'x' within the quota of 65536 bytes (65536 used)");
            assertThat(client.drainsToEndOfStream()).as("nothing follows the error").isTrue();
        }
        assertThat(stored()).containsExactly("old.bin");
    }
}
