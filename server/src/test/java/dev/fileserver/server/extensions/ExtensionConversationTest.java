package dev.fileserver.server.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.testsupport.V1Client.ReceivedFile;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.LocalTreeSource;
import dev.fileserver.wire.digest.EntryDigests;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.files.RecursiveDelete;
import dev.fileserver.wire.listing.EntryLine;

/**
 * The negotiated extensions of docs/PROTOCOL-EXTENSIONS.md, frame by frame over a real socket:
 * digests both ways, resumed downloads and uploads, long listings, stat, mkdir and rename.
 */
class ExtensionConversationTest {

    @TempDir
    static Path served;

    @TempDir
    Path local;

    static RunningServer server;

    Path root;

    V1Client client;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(Files.createDirectories(served.resolve("root")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() throws IOException {
        root = server.root();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                RecursiveDelete.delete(entry);
            }
        }
        client = V1Client.connectAccepted(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void aClientThatNeverAskedGetsTheV1BytesEvenForAFileWhoseDigestIsKept() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        upload("", FileHeader.ofFile("kept.txt", 0644, content.length).withAck()
                .with(Extensions.NONE.withSha256Trailer()), content);
        client.send("sha256 " + Sha256.of(content));
        assertThat(client.receive()).isEqualTo("ok");

        try (Socket v1 = new Socket("127.0.0.1", server.port())) {
            v1.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(v1.getInputStream());
            OutputStream out = v1.getOutputStream();
            assertThat(text(in)).isEqualTo("Connection accepted");
            out.write(V1Client.lengthPrefixed("/download kept.txt"));
            assertThat(text(in)).isEqualTo("ok");
            assertThat(text(in)).isEqualTo("file");
            out.write(V1Client.lengthPrefixed("y"));
            assertThat(text(in)).isEqualTo(
                    "{\"is_compressed\":false,\"file_name\":\"kept.txt\",\"permissions\":33188,\"file_len\":5}");
            assertThat(in.readNBytes(5)).isEqualTo(content);
            out.write(V1Client.lengthPrefixed("/list"));
            assertThat(text(in)).as("nothing between the content and the next answer").isEqualTo("ok");
        }
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void capabilitiesNameEveryExtensionAndThatThisStoreRenamesAtomically() throws IOException {
        assertThat(client.request("/capabilities", 1)).containsExactly(
                "capabilities ack sha256 resume list-long tree-long stat mkdir rename quota atomic-rename");
    }

    @Test
    void anUploadIsStoredWhenItsTrailerDigestMatchesAndThenServedWithTheSameDigest() throws IOException {
        byte[] content = "checked end to end".getBytes(StandardCharsets.UTF_8);
        upload("", FileHeader.ofFile("checked.txt", 0644, content.length).withAck()
                .with(Extensions.NONE.withSha256Trailer()), content);
        client.send("sha256 " + Sha256.of(content));

        assertThat(client.receive()).isEqualTo("ok");
        assertThat(root.resolve("checked.txt")).hasBinaryContent(content);
        ReceivedFile download = download("checked.txt", "y digest=sha256");
        assertThat(download.header().extensions().sha256Trailer()).isTrue();
        assertThat(download.header().extensions().version()).isNotEmpty();
        assertThat(download.content()).isEqualTo(content);
        assertThat(download.trailer().whole()).isEqualTo(Sha256.of(content));
    }

    @Test
    void anUploadWhoseDigestDiffersStoresNothingAndTheErrorNamesBothDigests() throws IOException {
        byte[] content = "what was sent".getBytes(StandardCharsets.UTF_8);
        String claimed = Sha256.of("something else".getBytes(StandardCharsets.UTF_8));
        upload("", FileHeader.ofFile("wrong.txt", 0644, content.length).withAck()
                .with(Extensions.NONE.withSha256Trailer()), content);
        client.send("sha256 " + claimed);

        assertThat(client.receive()).isEqualTo("Error: 'wrong.txt' arrived with SHA-256 " + Sha256.of(content)
                + " but the client sent " + claimed + "; nothing was stored");
        assertThat(stored()).isEmpty();
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
    }

    @Test
    void somethingElseWhereATrailerIsDueEndsTheUploadAndTheConnection() throws IOException {
        upload("", FileHeader.ofFile("a.txt", 0644, 1).withAck().with(Extensions.NONE.withSha256Trailer()),
                new byte[] {'a'});
        client.send("/list");

        assertThat(client.receive()).startsWith("Error: malformed digest trailer");
        assertThat(client.isClosedByServer()).isTrue();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aFileNotUploadedThroughTheServerIsHashedAsItIsSent() throws IOException {
        byte[] content = "put there by hand".getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("by-hand.txt"), content);

        ReceivedFile download = download("by-hand.txt", "y digest=sha256");

        assertThat(download.content()).isEqualTo(content);
        assertThat(download.trailer().whole()).isEqualTo(Sha256.of(content));
    }

    @Test
    void aResumedDownloadSendsOnlyTheRestAndItsTrailerCoversTheWholeFile() throws IOException {
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("resumed.bin"), content);
        String version = download("resumed.bin", "y").header().extensions().version();
        assertThat(version).as("a plain y is answered as v1").isEmpty();
        version = download("resumed.bin", "y digest=sha256").header().extensions().version();

        ReceivedFile rest = download("resumed.bin", "y digest=sha256 offset=10 if=" + version);

        assertThat(rest.header().extensions().offset()).isEqualTo(10);
        assertThat(rest.header().fileLen()).isEqualTo(6);
        assertThat(new String(rest.content(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        assertThat(rest.trailer().whole()).isEqualTo(Sha256.of(content));
    }

    @Test
    void aFileChangedSinceThePartialDownloadIsSentWholeFromOffsetZero() throws IOException {
        Files.writeString(root.resolve("changing.txt"), "first version");
        String version = download("changing.txt", "y digest=sha256").header().extensions().version();
        Files.writeString(root.resolve("changing.txt"), "the second version");
        Files.setLastModifiedTime(root.resolve("changing.txt"), FileTime.from(Instant.now().plusSeconds(5)));

        ReceivedFile again = download("changing.txt", "y digest=sha256 offset=5 if=" + version);

        assertThat(again.header().extensions().offset()).isZero();
        assertThat(new String(again.content(), StandardCharsets.UTF_8)).isEqualTo("the second version");
    }

    @Test
    void aFolderDownloadEndsWithTheDigestOfEveryFileInIt() throws IOException {
        Files.createDirectories(root.resolve("photos/2024"));
        Files.writeString(root.resolve("photos/cat.jpg"), "meow");
        Files.writeString(root.resolve("photos/2024/dog.jpg"), "woof");

        ReceivedFile download = download("photos", "y digest=sha256");

        assertThat(download.trailer().entries()).containsOnly(
                Map.entry("cat.jpg", Sha256.of("meow".getBytes(StandardCharsets.UTF_8))),
                Map.entry("2024/dog.jpg", Sha256.of("woof".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aFolderUploadIsStoredOnlyIfEveryFileMatchesItsDigest() throws IOException {
        Path folder = Files.createDirectories(local.resolve("docs/inner"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.writeString(local.resolve("docs/b.txt"), "b");
        Map<String, String> digests = new HashMap<>();
        DirectoryTarball tarball = DirectoryTarball.of("docs",
                EntryDigests.recording(new LocalTreeSource(local.resolve("docs"), path -> true), digests));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tarball.writeTo(bytes);
        FileHeader header = FileHeader.ofDirectory("docs", 0755, tarball.length()).withAck()
                .with(Extensions.NONE.withSha256Trailer());

        Map<String, String> wrong = new HashMap<>(digests);
        wrong.put("b.txt", Sha256.of(new byte[0]));
        upload("", header, bytes.toByteArray());
        sendAll(Sha256Trailer.ofEntries(wrong).frames());
        assertThat(client.receive()).isEqualTo("Error: 'b.txt' in 'docs' arrived with SHA-256 "
                + digests.get("b.txt") + " but the client sent " + Sha256.of(new byte[0]) + "; nothing was stored");
        assertThat(stored()).isEmpty();

        upload("", header, bytes.toByteArray());
        sendAll(Sha256Trailer.ofEntries(digests).frames());
        assertThat(client.receive()).isEqualTo("ok");
        assertThat(root.resolve("docs/inner/a.txt")).hasContent("a");
    }

    @Test
    void anInterruptedResumableUploadIsKeptAndTheSameUploadSendsOnlyTheRest() throws IOException {
        byte[] content = "the first half|and the second".getBytes(StandardCharsets.UTF_8);
        FileHeader header = FileHeader.ofFile("big.bin", 0644, content.length).withAck()
                .with(Extensions.NONE.withSha256Trailer().withResumable());
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendRaw(V1Client.headerFrame(header));
        client.sendRaw(Arrays.copyOf(content, 15));
        client.close();

        client = V1Client.connectAccepted(server.port());
        String answer = awaitKept("big.bin", content.length, 15);
        assertThat(answer).isEqualTo("resume 15 " + Sha256.of(Arrays.copyOf(content, 15)));
        assertThat(stored()).as("a kept part is out of sight").isEmpty();
        client.sendFile(header.from(15), Arrays.copyOfRange(content, 15, content.length));
        client.send("sha256 " + Sha256.of(content));

        assertThat(client.receive()).isEqualTo("ok");
        assertThat(root.resolve("big.bin")).hasBinaryContent(content);
        assertThat(askKept("big.bin", content.length)).startsWith("resume 0 ");
        client.send("n");
    }

    @Test
    void aLongListingGivesTypeSizeModeAndTimeOfEachEntry() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello");
        Files.createDirectories(root.resolve("docs"));

        List<String> reply = client.request("/list-long", 3);

        assertThat(reply.subList(0, 2)).containsExactly("ok", "ok");
        List<EntryLine> lines = EntryLine.parseAll(reply.get(2), false);
        assertThat(lines).extracting(EntryLine::name, EntryLine::type)
                .containsExactly(tuple("docs", 'd'),
                        tuple("notes.txt", 'f'));
        assertThat(lines.get(1).size()).isEqualTo(5);
        assertThat(client.request("/list-long nowhere", 3)).containsExactly("ok", "FILEError", "Error: 'nowhere' not found");
    }

    @Test
    void aLongTreeLeadsEachLineWithItsDepthAfterTheFolderItself() throws IOException {
        Files.createDirectories(root.resolve("photos/2024"));
        Files.writeString(root.resolve("photos/2024/dog.jpg"), "woof");

        List<EntryLine> lines = EntryLine.parseAll(client.request("/tree-long photos", 3).get(2), true);

        assertThat(lines).extracting(EntryLine::depth, EntryLine::name, EntryLine::size)
                .containsExactly(tuple(0, "photos", lines.get(0).size()),
                        tuple(1, "2024", lines.get(1).size()),
                        tuple(2, "dog.jpg", 4L));
    }

    @Test
    void statAnswersAsListWithThePathsOneLine() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello");

        List<String> reply = client.request("/stat notes.txt", 3);

        assertThat(EntryLine.parseAll(reply.get(2), false)).singleElement()
                .satisfies(line -> assertThat(line.size()).isEqualTo(5));
        assertThat(client.request("/stat ghost", 3)).containsExactly("ok", "FILEError", "Error: 'ghost' not found");
        assertThat(client.request("/stat ../..", 1)).containsExactly(
                "Error: You don't have permission to access that directory");
    }

    @Test
    void mkdirMakesAFolderAndMkdirsTheWholePathWithV1StyleErrors() throws IOException {
        assertThat(client.request("/mkdir docs", 2)).containsExactly("ok", "'docs' created.");
        assertThat(client.request("/mkdir docs", 1)).containsExactly("Error: 'docs' already exists");
        assertThat(client.request("/mkdir a/b", 1)).containsExactly("Error: 'a' not found");
        assertThat(client.request("/mkdirs a/b/c", 2)).containsExactly("ok", "'a/b/c' created.");
        assertThat(client.request("/mkdir ../out", 1)).containsExactly(
                "Error: You don't have permission to access that directory");
        assertThat(root.resolve("a/b/c")).isDirectory();
    }

    @Test
    void renameAsksLikeDeleteThenTakesTheNewPathAsItsAnswer() throws IOException {
        Files.writeString(root.resolve("old name.txt"), "x");
        Files.createDirectories(root.resolve("docs"));

        assertThat(client.request("/rename old name.txt", 2)).containsExactly("ok", "file");
        assertThat(client.request("docs/new name.txt", 1))
                .containsExactly("'old name.txt' renamed to 'docs/new name.txt'.");
        assertThat(root.resolve("docs/new name.txt")).hasContent("x");

        assertThat(client.request("/rename docs", 2)).containsExactly("ok", "dir");
        assertThat(client.request("docs/inside", 1)).containsExactly("Error: cannot move 'docs' into itself ('docs/inside')");
        assertThat(client.request("/rename ghost", 3)).containsExactly("ok", "not_found", "Error: 'ghost' not found");
        assertThat(client.request("/rename docs", 2)).containsExactly("ok", "dir");
        assertThat(client.request("../escaped", 1)).containsExactly(
                "Error: You don't have permission to access that directory");
        assertThat(client.request("/rename docs", 2)).containsExactly("ok", "dir");
        client.send("");
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "docs\n");
    }

    // --- one exchange each, as an extension client makes them

    private void upload(String folder, FileHeader header, byte[] content) throws IOException {
        assertThat(client.request(folder.isEmpty() ? "/upload" : "/upload " + folder, 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(header, content);
    }

    private void sendAll(List<String> frames) throws IOException {
        for (String frame : frames) {
            client.send(frame);
        }
    }

    private String askKept(String name, long size) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        return client.request("y resume size=" + size + " name=" + name, 1).get(0);
    }

    /** Asks until the server has noticed the cut connection and kept what arrived. */
    private String awaitKept(String name, long size, long expected) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String answer = askKept(name, size);
            if (answer.startsWith("resume " + expected + " ") || System.nanoTime() > deadline) {
                return answer;
            }
            // the question is answered with a frame we do not send: a zero-length upload of another name
            client.sendFile(FileHeader.ofFile("probe", 0644, 0).withAck(), new byte[0]);
            assertThat(client.receive()).isEqualTo("ok");
            Files.delete(root.resolve("probe"));
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private ReceivedFile download(String path, String answer) throws IOException {
        return client.downloadAnswering(path, answer);
    }

    /** What the root holds, the server's own hidden files left out. */
    private List<String> stored() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".fileserver-tmp-")).toList();
        }
    }


}
