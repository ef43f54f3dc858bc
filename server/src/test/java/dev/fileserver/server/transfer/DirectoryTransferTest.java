package dev.fileserver.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;

/** Folders travel whole as gzip tarballs, both ways, and become visible complete or not at all. */
class DirectoryTransferTest {

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass();

    /** The client's side: local folders, downloads. */
    @TempDir
    Path temp;

    Path root;

    V1Client client;

    @BeforeEach
    void connect() throws IOException {
        root = server.root();
        client = V1Client.connectAccepted(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void aFolderUploadedAndDownloadedAgainIsTheSameTreeByteForByteWithItsPermissionBits() throws IOException {
        Path album = Trees.plantSample(temp.resolve("local/album"));
        upload(album, "");
        assertThat(Trees.describe(root.resolve("album"))).isEqualTo(Trees.describe(album));

        Path back = Files.createDirectories(temp.resolve("back"));
        downloadAndExtract("album", back);
        assertThat(Trees.describe(back.resolve("album"))).isEqualTo(Trees.describe(album));
    }

    @Test
    void aFolderUploadedOverAnOlderOneReplacesItWhole() throws IOException {
        Files.createDirectories(root.resolve("album/old-only"));
        Files.writeString(root.resolve("album/old-only/stale.txt"), "stale");
        Path album = Trees.plantSample(temp.resolve("local/album"));
        upload(album, "");
        assertThat(Trees.describe(root.resolve("album"))).isEqualTo(Trees.describe(album));
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("album");
        }
    }

    @Test
    void aCompressedFolderDownloadIsTheSameTreeAndSmaller() throws IOException {
        Path compressedRoot = Files.createDirectory(temp.resolve("compressed"));
        Path album = Trees.plantSample(compressedRoot.resolve("album"));
        Files.writeString(album.resolve("repetitive.txt"), "all work and no play ".repeat(50_000));
        Map<String, FileTime> before = folderTimes(compressedRoot);
        try (RunningServer compressing = RunningServer.start(compressedRoot,
                "--fileserver.directory-compression-level=6")) {
            client.close();
            client = V1Client.connectAccepted(compressing.port());
            Path back = Files.createDirectories(temp.resolve("back"));
            FileHeader header = downloadAndExtract("album", back);
            assertThat(Trees.describe(back.resolve("album"))).isEqualTo(Trees.describe(album));
            assertThat(header.fileLen()).isLessThan(DirectoryTarball.scan(album, path -> true).length() / 2);
        }
        assertThat(folderTimes(compressedRoot)).isEqualTo(before);
    }

    @Test
    void aFolderReachedThroughALinkInsideTheRootTravelsUnderTheLinksName() throws IOException {
        Path album = Trees.plantSample(root.resolve("album"));
        Files.createSymbolicLink(root.resolve("shortcut"), album);
        Path back = Files.createDirectories(temp.resolve("back"));
        downloadAndExtract("shortcut", back);
        assertThat(Trees.describe(back.resolve("shortcut"))).isEqualTo(Trees.describe(album));
    }

    @Test
    void aDownloadedFolderWritesNothingInsideTheServedTree() throws IOException {
        Trees.plantSample(root.resolve("album"));
        Map<String, FileTime> before = folderTimes(root);
        downloadAndExtract("album", Files.createDirectories(temp.resolve("back")));
        // creating and removing even a temporary file would change a folder's modification time
        assertThat(folderTimes(root)).isEqualTo(before);
    }

    @Test
    void aFileThatShrinksWhileItsFolderIsSentFailsTheTransferAndTheServerGoesOn() throws IOException {
        Path big = Files.createDirectories(root.resolve("big")).resolve("huge.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(256L * 1024 * 1024);
        }
        assertThat(client.request("/download big", 2)).containsExactly("ok", "dir");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        InputStream socket = client.socket().getInputStream();
        socket.readNBytes(1024 * 1024);
        // the server is now blocked on a full socket, far from the end of the file
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(1024);
        }
        long received = 1024 * 1024 + socket.transferTo(OutputStream.nullOutputStream());
        assertThat(received).isLessThan(header.fileLen());
        try (V1Client other = V1Client.connectAccepted(server.port())) {
            assertThat(other.request("/list", 3)).containsExactly("ok", "ok", "big\n");
        }
    }

    @Test
    void aFolderArchiveMayHoldOnlyTheFolderItIsNamedFor() throws IOException {
        Files.createDirectories(root.resolve("important"));
        Files.writeString(root.resolve("important/keep.txt"), "keep");
        Path local = temp.resolve("local");
        Files.createDirectories(local.resolve("important"));
        Files.writeString(local.resolve("important/keep.txt"), "overwritten");
        DirectoryTarball tarball = DirectoryTarball.scan(local.resolve("important"), path -> true);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        tarball.writeTo(content);
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(FileHeader.ofDirectory("photos", 0755, content.size()).withAck(), content.toByteArray());
        assertThat(client.receive()).isEqualTo("Error: the archive for 'photos' holds [important] at its top level");
        assertThat(root.resolve("important/keep.txt")).hasContent("keep");
        assertThat(Trees.descendants(root)).containsExactly("important", "important/keep.txt");
    }

    @Test
    void aFolderArchiveMayNotHoldNamesTheServerReservesForItsTemporaries() throws IOException {
        Path local = temp.resolve("local/album");
        Files.createDirectories(local);
        Files.writeString(local.resolve(".fileserver-tmp-hidden"), "invisible and undeletable");
        DirectoryTarball tarball = DirectoryTarball.scan(local, path -> true);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        tarball.writeTo(content);
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(FileHeader.ofDirectory("album", 0755, content.size()).withAck(), content.toByteArray());
        assertThat(client.receive())
                .isEqualTo("Error: the archive holds 'album/.fileserver-tmp-hidden', a name the server reserves");
        assertThat(Trees.descendants(root)).isEmpty();
    }

    @Test
    void aTarballThatIsNotOneIsRefusedAndLeavesNothingBehind() throws IOException {
        Files.writeString(root.resolve("keep.txt"), "keep");
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] garbage = "this is not gzip at all".getBytes();
        client.sendFile(new FileHeader(true, "album.tar.gz", 040755, garbage.length, true), garbage);
        assertThat(client.receive()).startsWith("Error: not a valid gzip tarball");
        assertThat(Trees.descendants(root)).containsExactly("keep.txt");
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "keep.txt\n");
    }

    @Test
    void anUploadInProgressIsNeverListedAndItsTemporaryNeverShows() throws IOException {
        Files.writeString(root.resolve("report.bin"), "old version");
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        byte[] firstHalf = RandomBytes.array(1, 512 * 1024);
        FileHeader header = FileHeader.ofFile("report.bin", 0644, 2L * firstHalf.length).withAck();
        client.sendRaw(V1Client.headerFrame(header));
        client.sendRaw(firstHalf);
        try (V1Client other = V1Client.connectAccepted(server.port())) {
            assertThat(other.request("/list", 3)).containsExactly("ok", "ok", "report.bin\n");
            assertThat(other.request("/tree", 3).get(2)).isEqualTo("root\n└── report.bin\n");
            assertThat(root.resolve("report.bin")).hasContent("old version");
            assertThat(other.request("/download .fileserver-tmp-x.part", 3).get(1)).isEqualTo("not_found");
        }
        client.sendRaw(firstHalf);
        assertThat(client.receive()).isEqualTo("ok");
        assertThat(Files.size(root.resolve("report.bin"))).isEqualTo(2L * firstHalf.length);
        assertThat(Trees.descendants(root)).containsExactly("report.bin");
    }

    private void upload(Path folder, String into) throws IOException {
        assertThat(client.request(("/upload " + into).strip(), 2)).containsExactly("ok", "dir");
        client.send("y");
        DirectoryTarball tarball = DirectoryTarball.scan(folder, path -> true);
        FileHeader header = FileHeader.ofDirectory(folder.getFileName().toString(), 0755, tarball.length()).withAck();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        tarball.writeTo(content);
        client.sendFile(header, content.toByteArray());
        assertThat(client.receive()).isEqualTo("ok");
    }

    private FileHeader downloadAndExtract(String remote, Path into) throws IOException {
        assertThat(client.request("/download " + remote, 2)).containsExactly("ok", "dir");
        client.send("y");
        FileHeader header = client.receiveFileHeader();
        assertThat(header.fileName()).isEqualTo(remote + ".tar.gz");
        Path tarball = temp.resolve("download.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarball)) {
            client.receiveContent(header, out);
        }
        try (InputStream in = Files.newInputStream(tarball)) {
            new TarballExtractor(new TarballLimits(1L << 30, 10_000)).extract(in, into);
        }
        return header;
    }

    private static Map<String, FileTime> folderTimes(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path)) {
                    times.put(root.relativize(path).toString(), Files.getLastModifiedTime(path));
                }
            }
        }
        return times;
    }
}
