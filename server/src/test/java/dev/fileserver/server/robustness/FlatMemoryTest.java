package dev.fileserver.server.robustness;

import static dev.fileserver.server.robustness.Fixtures.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Sha256Sink;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Flat memory: a server with a 64 MiB heap moves a file of more than four times that, up, down,
 * and down again inside a folder's tarball. Holding the file (or the tarball) anywhere would
 * exhaust the heap and end the server; every byte is checked by digest on both sides, and the
 * test side never holds the file either.
 */
class FlatMemoryTest {

    private static final long SIZE = 300L * MiB;

    private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    @TempDir
    Path root;

    @Test
    void aFileOfFourTimesTheHeapGoesUpAndComesBackAsAFileAndInAFolderByteForByte() throws Exception {
        Files.createDirectory(root.resolve("big"));
        try (ServerProcess server = ForkedServer.start(root, SMALL_HEAP);
                V1Client client = V1Client.connectAccepted(server.tcpPort())) {
            Sha256Sink sent = new Sha256Sink();
            assertThat(client.request("/upload big", 2)).containsExactly("ok", "dir");
            client.send("y");
            client.sendFile(FileHeader.ofFile("blob.bin", 0644, SIZE).withAck(),
                    Fixtures.teed(RandomBytes.stream(300, SIZE), sent));
            assertThat(client.receive()).isEqualTo("ok");
            assertThat(sent.count()).isEqualTo(SIZE);
            assertThat(Sha256.of(root.resolve("big/blob.bin"))).as("the stored file").isEqualTo(sent.hex());

            Sha256Sink received = new Sha256Sink();
            client.download("big/blob.bin", "file", received);
            assertThat(received.count()).isEqualTo(SIZE);
            assertThat(received.hex()).as("the downloaded file").isEqualTo(sent.hex());

            Map<String, String> folder;
            try {
                folder = downloadFolderDigests(client, "big");
            }
            catch (IOException e) {
                throw new AssertionError("the folder download failed; the server "
                        + (server.isAlive() ? "is still up" : "has exited") + ", its log ends:\n" + server.outputTail(), e);
            }
            assertThat(folder).as("the downloaded folder")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("big/", "folder", "big/blob.bin", sent.hex()));

            System.out.printf("FlatMemoryTest: %d MiB up, down and as a tarball through a 64 MiB heap; "
                    + "server peak RSS %d MiB%n", SIZE / MiB, server.peakResidentBytes() / MiB);
        }
    }

    /** Downloads a folder and reads its tarball as it arrives: entry name to content digest ("folder" for folders). */
    private static Map<String, String> downloadFolderDigests(V1Client client, String folder) throws Exception {
        PipedInputStream tarball = new PipedInputStream(MiB);
        // connected before the reader starts, which would otherwise find the pipe not connected
        PipedOutputStream pipe = new PipedOutputStream(tarball);
        CompletableFuture<Map<String, String>> entries = CompletableFuture.supplyAsync(() -> readTarball(tarball));
        try (pipe) {
            client.download(folder, "dir", pipe);
        }
        catch (IOException e) {
            // the reader closed the pipe: its own failure says why
            try {
                entries.get(10, TimeUnit.SECONDS);
            }
            catch (ExecutionException readerFailure) {
                e.addSuppressed(readerFailure.getCause());
            }
            throw e;
        }
        return entries.get(1, TimeUnit.MINUTES);
    }

    private static Map<String, String> readTarball(InputStream tarball) {
        Map<String, String> digests = new TreeMap<>();
        try (tarball; InputStream gzip = new GzipCompressorInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                digests.put(entry.getName(), entry.isDirectory() ? "folder" : Sha256.of(tar));
            }
            // to the end of the gzip stream, which checks its CRC and length, and of the pipe
            gzip.transferTo(OutputStream.nullOutputStream());
            tarball.transferTo(OutputStream.nullOutputStream());
            return digests;
        }
        catch (IOException e) {
            throw new IllegalStateException("the downloaded tarball could not be read", e);
        }
    }
}
