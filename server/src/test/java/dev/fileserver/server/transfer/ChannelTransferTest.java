package dev.fileserver.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.testsupport.V1Client.ReceivedFile;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * On the plain listener, file content goes between socket and disk by channel (sendfile out, when
 * turned on; a direct buffer in) whenever nothing needs to see the bytes, and by the copying path otherwise;
 * either way a client receives and stores exactly the same bytes. Which path was taken is read
 * from the server's {@code fileserver.bytes.by-channel} counter.
 */
class ChannelTransferTest {

    private static final int MiB = 1024 * 1024;

    @TempDir
    static Path served;

    static RunningServer server;

    Path root;

    @BeforeAll
    static void start() throws IOException {
        // no ratio limit: a folder of zeros that takes a while to unpack, not one to refuse
        server = RunningServer.start(Files.createDirectories(served.resolve("root")),
                "--fileserver.max-expansion-ratio=0", "--fileserver.plain-transfers=sendfile");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyRoot() throws Exception {
        SessionRegistry sessions = server.context().getBean(SessionRegistry.class);
        Await.until("the connections of the previous test end", () -> sessions.size() == 0);
        root = server.root();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                RecursiveDelete.delete(entry);
            }
        }
    }

    @Test
    void aDownloadGoesBySendfileAndArrivesByteForByte() throws Exception {
        byte[] content = RandomBytes.array(11, 5 * MiB + 123);
        Files.write(root.resolve("five.bin"), content);
        double before = byChannel("download");

        try (V1Client client = V1Client.connectAccepted(server.port())) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            FileHeader header = client.download("five.bin", "file", received);
            assertThat(header.fileLen()).isEqualTo(content.length);
            assertThat(received.toByteArray()).isEqualTo(content);
            // the connection goes on after a file sent by channel
            assertThat(client.list("")).isEqualTo("five.bin\n");
        }
        assertThat(byChannel("download") - before).isEqualTo(content.length);
    }

    @Test
    void anEmptyFileIsAnEmptyFrameAndTheConversationGoesOn() throws Exception {
        Files.write(root.resolve("empty"), new byte[0]);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            FileHeader header = client.download("empty", "file", OutputStream.nullOutputStream());
            assertThat(header.fileLen()).isZero();
            assertThat(client.list("")).isEqualTo("empty\n");
        }
    }

    @Test
    void aResumedDownloadSendsOnlyTheRestByChannel() throws Exception {
        byte[] content = RandomBytes.array(12, 3 * MiB + 7);
        Files.write(root.resolve("resumed.bin"), content);
        int offset = MiB + 5;
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String version = client.downloadAnswering("resumed.bin", "y digest=sha256").header().extensions().version();
            double before = byChannel("download");

            ReceivedFile rest = client.downloadAnswering("resumed.bin", "y offset=" + offset + " if=" + version);

            assertThat(rest.header().extensions().offset()).isEqualTo(offset);
            assertThat(rest.content()).isEqualTo(Arrays.copyOfRange(content, offset, content.length));
            assertDownloadedByChannel(before, content.length - offset);
        }
    }

    @Test
    void aDigestTakenWhileSendingIsCopiedThroughJavaAndAKeptOneIsSentByChannel() throws Exception {
        byte[] content = RandomBytes.array(13, 2 * MiB + 1);
        Files.write(root.resolve("hashed.bin"), content);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            double before = byChannel("download");
            ReceivedFile first = client.downloadAnswering("hashed.bin", "y digest=sha256");
            assertThat(first.content()).isEqualTo(content);
            assertThat(first.trailer().whole()).isEqualTo(Sha256.of(content));
            assertThat(byChannel("download") - before).as("bytes by channel while hashing").isZero();

            // the digest taken then is kept with the unchanged file: the next one need not hash
            ReceivedFile second = client.downloadAnswering("hashed.bin", "y digest=sha256");
            assertThat(second.content()).isEqualTo(content);
            assertThat(second.trailer().whole()).isEqualTo(Sha256.of(content));
            assertDownloadedByChannel(before, content.length);
        }
    }

    @Test
    void aFileThatShrinksWhileBeingSentEndsTheConnectionBeforeItsAnnouncedLength() throws Exception {
        assertAShrinkingFileEndsTheConnection(server, root);
    }

    @ParameterizedTest(name = "plain-transfers {0}")
    @ValueSource(strings = {"channel", "streams"})
    void aFileThatShrinksWhileBeingCopiedEndsTheConnectionBeforeItsAnnouncedLength(String transfers,
            @TempDir Path other) throws Exception {
        try (RunningServer copying = RunningServer.start(other, "--fileserver.plain-transfers=" + transfers)) {
            assertAShrinkingFileEndsTheConnection(copying, other);
        }
    }

    private static void assertAShrinkingFileEndsTheConnection(RunningServer sender, Path root) throws Exception {
        Path file = root.resolve("shrinking.bin");
        try (RandomAccessFile big = new RandomAccessFile(file.toFile(), "rw")) {
            big.setLength(128L * MiB);
        }
        try (V1Client client = V1Client.connectAccepted(sender.port())) {
            FileHeader header = client.download("shrinking.bin", "file");
            InputStream content = client.content(header);
            content.readNBytes(MiB);
            try (RandomAccessFile shrinking = new RandomAccessFile(file.toFile(), "rw")) {
                shrinking.setLength(2L * MiB);
            }
            long[] received = {MiB};
            assertThatThrownBy(() -> {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) >= 0) {
                    received[0] += read;
                }
            }).isInstanceOf(IOException.class);
            assertThat(received[0]).isLessThan(header.fileLen());
        }
    }

    @Test
    void anUploadIsReadByChannelAndStoredByteForByte() throws Exception {
        byte[] content = RandomBytes.array(14, 5 * MiB + 17);
        double before = byChannel("upload");
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.uploadAcked(FileHeader.ofFile("up.bin", 0644, content.length), content))
                    .isEqualTo("ok");
        }
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        assertThat(byChannel("upload") - before).isEqualTo(content.length);
    }

    @Test
    void anUploadWithADigestIsReadByChannelHashedAndChecked() throws Exception {
        byte[] content = RandomBytes.array(15, MiB + 3);
        double before = byChannel("upload");
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            FileHeader header = FileHeader.ofFile("checked.bin", 0644, content.length).withAck()
                    .with(FileHeader.Extensions.NONE.withSha256Trailer());
            client.beginUpload("", header).write(content);
            client.send("sha256 " + Sha256.of(content));
            assertThat(client.receive()).isEqualTo("ok");
        }
        assertThat(Files.readAllBytes(root.resolve("checked.bin"))).isEqualTo(content);
        assertThat(byChannel("upload") - before).isEqualTo(content.length);
    }

    @Test
    void anUploadReadByChannelWhoseDigestDiffersIsRefusedAndLeavesNothing() throws Exception {
        byte[] content = RandomBytes.array(18, 2 * MiB + 9);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            FileHeader header = FileHeader.ofFile("wrong.bin", 0644, content.length).withAck()
                    .with(FileHeader.Extensions.NONE.withSha256Trailer());
            client.beginUpload("", header).write(content);
            client.send("sha256 " + Sha256.of(Arrays.copyOf(content, content.length - 1)));
            assertThat(client.receive()).startsWith("Error");
        }
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.toList()).as("what the root holds").isEmpty();
        }
    }

    /**
     * While a folder is unpacked the server reads ahead to see whether its client is still there;
     * what it read (here the next upload's request, answer, header and first bytes) comes first.
     */
    @Test
    void anUploadSentWhileTheFolderBeforeItIsUnpackedIsStoredWhole() throws Exception {
        byte[] folder = Tarballs.zeros("zeros", 128L * MiB);
        byte[] content = RandomBytes.array(16, 3 * MiB);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendFile(FileHeader.ofDirectory("zeros", 0755, folder.length), folder);
            // as a v1 client may: no answer is awaited before the next upload
            client.send("/upload");
            client.send("y");
            client.sendFile(FileHeader.ofFile("after.bin", 0644, content.length), content);

            assertThat(client.receive(2)).containsExactly("ok", "dir");
            assertThat(client.list("")).isEqualTo("after.bin\nzeros\n");
        }
        assertThat(Files.readAllBytes(root.resolve("after.bin"))).isEqualTo(content);
    }

    @Test
    void aClientThatLeavesInTheMiddleOfAnUploadLeavesNothing() throws Exception {
        byte[] content = RandomBytes.array(17, 8 * MiB);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            OutputStream upload = client.beginUpload("", FileHeader.ofFile("cut.bin", 0644, content.length));
            upload.write(content, 0, 3 * MiB);
            upload.flush();
        }
        SessionRegistry sessions = server.context().getBean(SessionRegistry.class);
        Await.until("the leaving client's session has ended", () -> sessions.size() == 0);
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.toList()).as("what the root holds").isEmpty();
        }
    }

    @Test
    void aClientThatStopsSendingInTheMiddleOfAnUploadIsClosedAfterTheIdleTimeout(@TempDir Path other)
            throws Exception {
        Duration idleTimeout = Duration.ofSeconds(1);
        try (RunningServer strict = RunningServer.start(other, "--fileserver.max-clients=1",
                "--fileserver.idle-timeout=" + idleTimeout.toMillis() + "ms", "--fileserver.plain-transfers=channel");
                V1Client stalled = V1Client.connectAccepted(strict.port())) {
            OutputStream upload = stalled.beginUpload("", FileHeader.ofFile("stalled.bin", 0644, 4 * MiB));
            upload.write(new byte[MiB]);
            upload.flush();
            long stalledAt = System.nanoTime();
            // it sends nothing more: the server's channel read would wait for ever but for the watchdog
            try (V1Client next = V1Client.awaitAccepted(strict.port())) {
                Duration freedAfter = Duration.ofNanos(System.nanoTime() - stalledAt);
                assertThat(freedAfter).as("time until the stalled client's slot is free")
                        .isLessThan(idleTimeout.multipliedBy(4));
                assertThat(next.list("")).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "plain-transfers {0}")
    @CsvSource({ "channel, 0, 1", "streams, 0, 0" })
    void withoutSendfileADownloadIsCopiedAndAnUploadGoesByChannelOnlyWhenAskedTo(String transfers,
            int downloadsByChannel, int uploadsByChannel, @TempDir Path other) throws Exception {
        byte[] content = RandomBytes.array(19, 2 * MiB + 5);
        Files.write(other.resolve("copied.bin"), content);
        try (RunningServer plain = RunningServer.start(other, "--fileserver.plain-transfers=" + transfers);
                V1Client client = V1Client.connectAccepted(plain.port())) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            client.download("copied.bin", "file", received);
            assertThat(received.toByteArray()).isEqualTo(content);
            assertThat(client.uploadAcked(FileHeader.ofFile("again.bin", 0644, content.length), content))
                    .isEqualTo("ok");
            assertThat(plain.bytesByChannel("download")).isEqualTo(downloadsByChannel * content.length);
            assertThat(plain.bytesByChannel("upload")).isEqualTo(uploadsByChannel * content.length);
        }
        assertThat(Files.readAllBytes(other.resolve("again.bin"))).isEqualTo(content);
    }

    private static double byChannel(String direction) {
        return server.bytesByChannel(direction);
    }

    /**
     * The server counts a download's bytes by channel once its last bytes are flushed, so a client
     * that has read them all may look a moment before they are counted.
     */
    private static void assertDownloadedByChannel(double before, long bytes) throws Exception {
        Await.until("the download's bytes by channel are counted", () -> byChannel("download") - before >= bytes);
        assertThat(byChannel("download") - before).isEqualTo(bytes);
    }
}
