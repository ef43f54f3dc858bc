package dev.fileserver.server.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Many clients at once, with faults mixed in: some send garbage, some stall, some disconnect in the
 * middle of a download or an upload. Every well-behaved client gets every byte right.
 */
class MixedFaultsTest {

    static final int FILE_SIZE = 2 * 1024 * 1024;

    static final int FILES = 4;

    @TempDir
    Path root;

    @Test
    void wellBehavedClientsGetEveryByteWhileOthersMisbehave() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            byte[] content = RandomBytes.array(i, FILE_SIZE);
            Files.write(root.resolve("file-" + i + ".bin"), content);
            files.add(content);
        }
        // the stalling clients wait out the idle timeout; long enough that a busy machine never
        // makes a well-behaved client (between two of its requests) look idle
        try (RunningServer server = RunningServer.start(root, "--fileserver.max-clients=64",
                "--fileserver.idle-timeout=10s")) {
            int port = server.port();
            List<Callable<String>> clients = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int id = i;
                clients.add(() -> wellBehaved(port, id, files));
            }
            for (int i = 0; i < 4; i++) {
                long seed = i;
                clients.add(() -> garbage(port, seed));
                clients.add(() -> stall(port));
                clients.add(() -> leaveMidDownload(port, (int) seed % FILES));
                clients.add(() -> leaveMidUpload(port, seed));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            try {
                List<Future<String>> results = pool.invokeAll(clients, 120, TimeUnit.SECONDS);
                for (Future<String> result : results) {
                    assertThat(result.get()).isIn("ok", "misbehaved");
                }
            }
            finally {
                pool.shutdownNow();
            }
            try (V1Client after = V1Client.connectAccepted(port)) {
                assertThat(after.request("/list", 3).get(1)).isEqualTo("ok");
            }
        }
        for (int i = 0; i < 12; i++) {
            assertThat(root.resolve("upload-" + i + ".bin")).hasBinaryContent(uploadContent(i));
        }
        assertThat(Trees.descendants(root)).noneMatch(name -> name.contains(".fileserver-tmp-"))
                .noneMatch(name -> name.startsWith("partial-"));
    }

    private static String wellBehaved(int port, int id, List<byte[]> files) throws IOException {
        try (V1Client client = V1Client.connectAccepted(port)) {
            for (int round = 0; round < 3; round++) {
                int which = (id + round) % FILES;
                assertThat(client.request("/download file-" + which + ".bin", 2)).containsExactly("ok", "file");
                client.send("y");
                FileHeader header = client.receiveFileHeader();
                assertThat(Sha256.of(client.receiveContent(header))).isEqualTo(Sha256.of(files.get(which)));
            }
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            byte[] content = uploadContent(id);
            client.sendFile(FileHeader.ofFile("upload-" + id + ".bin", 0644, content.length).withAck(), content);
            assertThat(client.receive()).isEqualTo("ok");
            assertThat(client.request("/list", 3).get(1)).isEqualTo("ok");
        }
        return "ok";
    }

    private static String garbage(int port, long seed) throws IOException {
        try (V1Client client = V1Client.connect(port)) {
            client.receive();
            client.sendRaw(RandomBytes.array(seed, 4096));
            client.isClosedByServer();
        }
        return "misbehaved";
    }

    private static String stall(int port) throws IOException {
        try (V1Client client = V1Client.connect(port)) {
            client.receive();
            client.sendRaw(new byte[] {0, 0});
            // then nothing: the idle timeout closes it
            assertThat(client.isClosedByServer()).isTrue();
        }
        return "misbehaved";
    }

    private static String leaveMidDownload(int port, int which) throws IOException {
        try (V1Client client = V1Client.connectAccepted(port)) {
            client.request("/download file-" + which + ".bin", 2);
            client.send("y");
            client.receiveFileHeader();
            InputStream in = client.socket().getInputStream();
            in.readNBytes(FILE_SIZE / 3);
        }
        return "misbehaved";
    }

    private static String leaveMidUpload(int port, long seed) throws IOException {
        try (V1Client client = V1Client.connectAccepted(port)) {
            client.request("/upload", 2);
            client.send("y");
            byte[] content = uploadContent((int) seed + 100);
            client.sendRaw(V1Client.headerFrame(FileHeader.ofFile("partial-" + seed + ".bin", 0644, content.length)));
            client.sendRaw(Arrays.copyOf(content, content.length / 2));
        }
        return "misbehaved";
    }

    private static byte[] uploadContent(int id) {
        return RandomBytes.array(1000 + id, FILE_SIZE / 2 + id);
    }
}
