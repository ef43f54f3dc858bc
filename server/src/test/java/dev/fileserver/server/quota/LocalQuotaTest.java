package dev.fileserver.server.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;

/** The quotas on the local disk: beyond what every backend does, kept parts count, and the disk's free space is told. */
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
    void theKeptPartOfAnInterruptedUploadCountsUntilTheUploadGoesOn() throws Exception {
        byte[] content = RandomBytes.array(14, 48 * KiB);
        FileHeader header = FileHeader.ofFile("big.bin", 0644, content.length).withAck()
                .with(Extensions.NONE.withResumable());
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendRaw(V1Client.headerFrame(header));
            client.sendRaw(Arrays.copyOf(content, 40 * KiB));
        }
        Await.until("the part is kept", () -> quota().contains("bytes-used 40960\n"));

        assertThat(uploadFile("other.bin", new byte[30 * KiB])).isEqualTo(
                "Error: quota exceeded: no room for 'other.bin' within the quota of 65536 bytes (40960 used)");

        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            assertThat(client.request("y resume size=" + content.length + " name=big.bin", 1).get(0))
                    .startsWith("resume " + 40 * KiB + " ");
            client.sendFile(header.from(40 * KiB), Arrays.copyOfRange(content, 40 * KiB, content.length));
            assertThat(client.receive()).isEqualTo("ok");
        }
        assertThat(root.resolve("big.bin")).hasBinaryContent(content);
        assertThat(quota()).contains("bytes-used 49152\n", "files-used 1\n");
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
