package dev.fileserver.server.robustness;

import static dev.fileserver.testsupport.TarEntry.file;
import static dev.fileserver.testsupport.TarEntry.folder;
import static dev.fileserver.testsupport.TarEntry.hardLink;
import static dev.fileserver.testsupport.TarEntry.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.TarEntry;
import dev.fileserver.testsupport.Tarballs;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;

/**
 * Directory uploads whose tarball tries to reach outside its target folder are refused with an
 * error, and nothing is created, inside the root or out of it. The root lives in a folder of its
 * own ({@code parent}) so that a whole-tree description of that folder shows any escape.
 */
class HostileTarballTest {

    /** Where the chained links below really lead from the extraction folder: three levels up, to {@code parent}. */
    private static final String LINK_OUT_THROUGH_LINKS = "s/s/s/../../..";

    private static final String OUTSIDE_NAME = "evil-" + UUID.randomUUID();

    private static final String OUTSIDE = "/tmp/" + OUTSIDE_NAME;

    @TempDir
    static Path parent;

    static Path root;

    static RunningServer server;

    Map<String, String> parentBefore;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectory(parent.resolve("root"));
        Files.writeString(root.resolve("notes.txt"), "hello\n");
        Files.writeString(parent.resolve("secret.txt"), "not for clients\n");
        server = RunningServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void describeTheRootAndAround() throws IOException {
        parentBefore = Trees.describe(parent);
    }

    static Stream<Arguments> hostileTarballs() {
        return Stream.of(
                Arguments.of("an entry named ../evil", List.of(folder("top"), file("../evil", "x"))),
                Arguments.of("an entry climbing out as top/../../evil",
                        List.of(folder("top"), file("top/../../evil", "x"))),
                Arguments.of("an absolute entry " + OUTSIDE, List.of(folder("top"), file(OUTSIDE, "x"))),
                Arguments.of("a symbolic link to /etc", List.of(folder("top"), symlink("top/link", "/etc"))),
                Arguments.of("a symbolic link to ../../x", List.of(folder("top"), symlink("top/link", "../../x"))),
                Arguments.of("a file written through a symbolic link to /tmp",
                        List.of(folder("top"), symlink("top/tmp", "/tmp"), file("top/tmp/" + OUTSIDE_NAME, "x"))),
                Arguments.of("a file written through a link that only looks inside",
                        List.of(folder("top"), symlink("top/s", "."), symlink("top/up", LINK_OUT_THROUGH_LINKS),
                                file("top/up/evil", "x"))),
                Arguments.of("a hard link to /etc/passwd",
                        List.of(folder("top"), hardLink("top/passwd", "/etc/passwd"))),
                Arguments.of("a hard link to ../secret.txt",
                        List.of(folder("top"), hardLink("top/secret", "../secret.txt"))));
    }

    @ParameterizedTest(name = "a tarball with {0} is refused and creates nothing")
    @MethodSource("hostileTarballs")
    void aHostileTarballIsRefusedAndCreatesNothing(String what, List<TarEntry> entries) throws Exception {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = upload(client, Tarballs.of(entries));
            assertThat(reply).startsWith("Error:");
            assertThat(Trees.describe(parent)).isEqualTo(parentBefore);
            assertThat(Path.of(OUTSIDE)).doesNotExist();
            Fixtures.assertLists(client, "notes.txt");
        }
    }

    @Test
    void aSymbolicLinkThatLeavesTheFolderOnlyThroughAnotherLinkIsRefused() throws Exception {
        // Read as text, top/s/s/s/../../.. is top itself; on disk s is top, so each ".." climbs one
        // level more: from the extraction folder up to the root's parent.
        byte[] tarball = Tarballs.of(folder("top"), symlink("top/s", "."),
                symlink("top/up", LINK_OUT_THROUGH_LINKS));
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = upload(client, tarball);
            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(reply).as("reply to a link pointing out of the folder").startsWith("Error:");
                softly.assertThat(root.resolve("top/up")).as("a link out of the root").doesNotExist();
            });
            assertThat(Trees.describe(parent)).isEqualTo(parentBefore);
        }
        finally {
            deleteQuietly(root.resolve("top"));
        }
    }

    @Test
    void aHardLinkReachedThroughALinkChainIsRefusedAndLeaksNothing() throws Exception {
        byte[] tarball = Tarballs.of(folder("top"), symlink("top/s", "."),
                symlink("top/up", LINK_OUT_THROUGH_LINKS), hardLink("top/leak", "top/up/secret.txt"));
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            String reply = upload(client, tarball);
            String downloaded = contentIfFound(client, "top/leak");
            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(reply).as("reply to a hard link to a file outside the root").startsWith("Error:");
                softly.assertThat(root.resolve("top/leak")).as("a hard link to " + parent.resolve("secret.txt"))
                        .doesNotExist();
                softly.assertThat(downloaded).as("what a client downloads as top/leak").isNull();
            });
            assertThat(Trees.describe(parent)).isEqualTo(parentBefore);
        }
        finally {
            deleteQuietly(root.resolve("top"));
        }
    }

    @Test
    void aCleanDirectoryTarballLandsCompleteWithItsSetuidBitStripped() throws Exception {
        byte[] tool = RandomBytes.array(7, 4096);
        byte[] tarball = Tarballs.of(folder("clean"), folder("clean/bin"),
                file("clean/bin/tool", tool, 0104755), file("clean/readme.txt", "read me\n"));
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(upload(client, "clean", tarball)).isEqualTo("ok");
        }
        Path clean = root.resolve("clean");
        assertThat(Trees.describe(clean)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "", "d 755",
                "bin", "d 755",
                "bin/tool", "f 755 " + Sha256.of(tool),
                "readme.txt", "f 644 " + Sha256.of("read me\n".getBytes(StandardCharsets.UTF_8))));
        // the rwx view above cannot show setuid: read the whole st_mode
        assertThat((int) Files.getAttribute(clean.resolve("bin/tool"), "unix:mode") & 07777).isEqualTo(0755);
        assertThat(Fixtures.temporaries(root)).isEmpty();
        deleteQuietly(clean);
    }

    private static String upload(V1Client client, byte[] tarball) throws IOException {
        return upload(client, "top", tarball);
    }

    private static String upload(V1Client client, String name, byte[] tarball) throws IOException {
        return client.uploadAcked(Fixtures.directoryHeader(name, tarball.length), tarball);
    }

    /** Downloads a file's content as text, or null when the server says it is not there. */
    private static String contentIfFound(V1Client client, String path) throws IOException {
        List<String> type = client.request("/download " + path, 2);
        if (type.get(1).equals("not_found")) {
            client.receive();
            return null;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        client.send("y");
        client.receiveContent(client.receiveFileHeader(), content);
        return content.toString(StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
