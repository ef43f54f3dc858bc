package dev.fileserver.server.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.TarEntry;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;

/**
 * What a quota of 64 KiB and 4 files on the whole server does, the same on every backend, over
 * real sockets: an upload that would pass it is refused before any byte, a folder that passes it as
 * it unpacks leaves nothing, deletes give room back, the kept part of a cut upload counts until it
 * goes on, and {@code /quota} tells how much is used.
 * Each backend runs one server, started with {@link #QUOTA}, and empties its store behind the
 * server's back before each test, which the server then walks again.
 */
abstract class QuotaConversationContract {

    static final int KiB = 1024;

    static final String[] QUOTA = {"--fileserver.quota.bytes=64KB", "--fileserver.quota.files=4"};

    abstract RunningServer server();

    /** Removes everything stored, bypassing the server. */
    abstract void emptyStore() throws Exception;

    /** Stores a file of {@code size} bytes at the root, bypassing the server. */
    abstract void plant(String name, int size) throws Exception;

    /** The names at the root of the store as the backend holds them, the server's temporaries included. */
    abstract List<String> stored() throws Exception;

    @BeforeEach
    void startFromNothing() throws Exception {
        SessionRegistry sessions = server().context().getBean(SessionRegistry.class);
        Await.until("the connections of the previous test end", () -> sessions.size() == 0);
        emptyStore();
        recount();
    }

    void recount() {
        server().context().getBean(UsageLedger.class).recount();
    }

    @Test
    void aFileOverTheByteQuotaIsRefusedBeforeAnyByteIsSentAndTheConnectionCloses() throws Exception {
        plant("old.bin", 60 * KiB);
        recount();

        try (V1Client client = V1Client.connectAccepted(server().port())) {
            // the header alone: the refusal comes before the content is even on its way
            client.beginUpload("", FileHeader.ofFile("new.bin", 0644, 8 * KiB)).flush();

            assertThat(client.receive()).isEqualTo(
                    "Error: quota exceeded: no room for 'new.bin' within the quota of 65536 bytes (61440 used)");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(stored()).containsExactly("old.bin");
    }

    @Test
    void theFilesQuotaRefusesTheFifthFileButLetsAFileBeReplaced() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(uploadFile("f" + i, new byte[10])).isEqualTo("ok");
        }

        assertThat(uploadFile("f5", new byte[10]))
                .isEqualTo("Error: quota exceeded: no room for 'f5' within the quota of 4 files (4 used)");
        assertThat(uploadFile("f4", new byte[20])).as("a replaced file is not one more").isEqualTo("ok");
        assertThat(stored()).containsExactly("f1", "f2", "f3", "f4");
        assertThat(quota()).contains("bytes-used 50\n", "files-used 4\n");
    }

    @Test
    void aFolderWhoseExpansionPassesTheByteQuotaMidwayIsStoppedAndLeavesNothing() throws Exception {
        byte[] tarball = Tarballs.zeros("big", 200 * KiB);
        assertThat(tarball.length).as("the tarball itself fits").isLessThan(8 * KiB);

        assertThat(uploadFolder("big", tarball))
                .isEqualTo("Error: quota exceeded: no room for 'big' within the quota of 65536 bytes (0 used)");

        Await.until("what was unpacked is gone", () -> stored().isEmpty());
        assertThat(quota()).contains("bytes-used 0\n", "files-used 0\n");
    }

    @Test
    void aFolderWithMoreFilesThanTheQuotaLeavesIsStoppedAtTheFirstFileTooMany() throws Exception {
        assertThat(uploadFile("one", new byte[1])).isEqualTo("ok");
        byte[] tarball = Tarballs.of(TarEntry.folder("many"), TarEntry.file("many/a", "a"),
                TarEntry.file("many/b", "b"), TarEntry.file("many/c", "c"), TarEntry.file("many/d", "d"));

        assertThat(uploadFolder("many", tarball))
                .isEqualTo("Error: quota exceeded: no room for 'many' within the quota of 4 files (1 used)");

        Await.until("what was unpacked is gone", () -> stored().equals(List.of("one")));
    }

    @Test
    void aFolderThatFitsIsStoredAndCounted() throws Exception {
        byte[] tarball = Tarballs.of(TarEntry.folder("docs"), TarEntry.file("docs/a", "aaa"),
                TarEntry.file("docs/sub/b", "bb"));

        assertThat(uploadFolder("docs", tarball)).isEqualTo("ok");

        assertThat(quota()).contains("bytes-used 5\n", "files-used 2\n");
    }

    @Test
    void aDeleteGivesItsBytesAndFilesBack() throws Exception {
        assertThat(uploadFile("a.bin", new byte[40 * KiB])).isEqualTo("ok");
        assertThat(uploadFile("b.bin", new byte[30 * KiB])).startsWith("Error: quota exceeded");

        try (V1Client client = V1Client.connectAccepted(server().port())) {
            assertThat(client.request("/delete a.bin", 2)).containsExactly("ok", "file");
            client.send("y");
            assertThat(client.receive()).isEqualTo("'a.bin' deleted successfully.");
        }

        assertThat(quota()).contains("bytes-used 0\n", "files-used 0\n");
        assertThat(uploadFile("b.bin", new byte[30 * KiB])).isEqualTo("ok");
    }

    @Test
    void quotaAnswersWhatIsUsedAndTheLimitsOfTheQuotaAPathFallsUnder() throws Exception {
        plant("b.txt", 20);
        recount();

        List<String> lines = List.of(quota("docs").split("\n"));

        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 4)).containsExactly("bytes-used 20", "bytes-limit 65536", "files-used 1",
                "files-limit 4");
        assertThat(lines.get(4)).startsWith("disk-free ");
        assertThat(lines.get(5)).as("the root's quota is the one that applies").isEqualTo("scope ");
    }

    @Test
    void theKeptPartOfAnInterruptedUploadCountsUntilTheUploadGoesOnAndAWalkCountsItToo() throws Exception {
        byte[] content = RandomBytes.array(14, 48 * KiB);
        FileHeader header = FileHeader.ofFile("big.bin", 0644, content.length).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        try (V1Client client = V1Client.connectAccepted(server().port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendRaw(V1Client.headerFrame(header));
            client.sendRaw(Arrays.copyOf(content, 40 * KiB));
        }
        Await.until("the part is kept", () -> quota().contains("bytes-used 40960\n"));
        recount();
        assertThat(quota()).contains("bytes-used 40960\n", "files-used 1\n");

        assertThat(uploadFile("other.bin", new byte[30 * KiB])).isEqualTo(
                "Error: quota exceeded: no room for 'other.bin' within the quota of 65536 bytes (40960 used)");

        try (V1Client client = V1Client.connectAccepted(server().port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            assertThat(client.request("y resume size=" + content.length + " name=big.bin", 1).get(0))
                    .startsWith("resume " + 40 * KiB + " ");
            client.sendFile(header.from(40 * KiB), Arrays.copyOfRange(content, 40 * KiB, content.length));
            client.send("sha256 " + Sha256.of(content));
            assertThat(client.receive()).isEqualTo("ok");
        }
        assertThat(quota()).contains("bytes-used 49152\n", "files-used 1\n");
        recount();
        assertThat(quota()).contains("bytes-used 49152\n", "files-used 1\n");
    }

    String uploadFile(String name, byte[] content) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server().port())) {
            return client.uploadAcked(FileHeader.ofFile(name, 0644, content.length), content);
        }
    }

    String uploadFolder(String name, byte[] tarball) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server().port())) {
            return client.uploadAcked(FileHeader.ofDirectory(name, 0755, tarball.length), tarball);
        }
    }

    String quota() throws IOException {
        return quota("");
    }

    String quota(String path) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server().port())) {
            List<String> reply = client.request(path.isEmpty() ? "/quota" : "/quota " + path, 2);
            assertThat(reply.get(0)).isEqualTo("ok");
            return reply.get(1);
        }
    }
}
