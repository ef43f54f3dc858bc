package dev.fileserver.server.confinement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/** No request reaches outside the root, whatever the path looks like. */
class ConfinementTest {

    static final String PERMISSION_ERROR = "Error: You don't have permission to access that directory";

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass();

    /** The folder that holds the root and, beside it, what no request may reach. */
    static Path parent;

    Path root;

    V1Client client;

    @BeforeAll
    static void plantSecretsAroundTheRoot() throws IOException {
        parent = server.root().getParent();
        Path sibling = Files.createDirectory(parent.resolve("root2"));
        Files.writeString(sibling.resolve("secret.txt"), "sibling secret");
        Path outside = Files.createDirectory(parent.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside secret");
        Files.writeString(parent.resolve("secret.txt"), "parent secret");
    }

    @BeforeEach
    void plantTheRootAndConnect() throws IOException {
        root = server.root();
        Files.createDirectory(root.resolve("inside"));
        Files.writeString(root.resolve("inside/public.txt"), "public");
        Files.createSymbolicLink(root.resolve("escape"), parent.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape.txt"), parent.resolve("outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("shortcut"), root.resolve("inside"));
        client = V1Client.connectAccepted(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../", "../..", "inside/../..", "../root2", "../root2/secret.txt", "../secret.txt",
            "/etc", "/etc/passwd", "escape", "escape/secret.txt", "escape.txt", "inside/../../outside"})
    void everyCommandRefusesAPathThatLeavesTheRoot(String path) throws IOException {
        assertThat(client.request("/list " + path, 1)).containsExactly(PERMISSION_ERROR);
        assertThat(client.request("/tree " + path, 1)).containsExactly(PERMISSION_ERROR);
        assertThat(client.request("/download " + path, 1)).containsExactly(PERMISSION_ERROR);
        assertThat(client.request("/delete " + path, 1)).containsExactly(PERMISSION_ERROR);
        assertThat(client.request("/upload " + path, 1)).containsExactly(PERMISSION_ERROR);
        assertThat(parent.resolve("outside/secret.txt")).hasContent("outside secret");
        assertThat(parent.resolve("root2/secret.txt")).hasContent("sibling secret");
    }

    @Test
    void aLinkThatStaysInsideTheRootIsFollowed() throws IOException {
        assertThat(client.request("/list shortcut", 3)).containsExactly("ok", "ok", "public.txt\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "inside/..", "./"})
    void theRootItselfCannotBeDeleted(String path) throws IOException {
        assertThat(client.request(("/delete " + path).strip(), 1))
                .containsExactly("Error: the root folder cannot be deleted");
        assertThat(root.resolve("inside/public.txt")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "inside/evil.txt", "/tmp/evil.txt", "..", "."})
    void anUploadedFileNameMustBeABaseName(String name) throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        client.sendFile(FileHeader.ofFile(name, 0644, 4), "evil".getBytes(StandardCharsets.UTF_8));
        assertThat(client.receive()).isEqualTo("Error: '" + name + "' is not a valid file name");
        assertThat(client.isClosedByServer()).isTrue();
        assertThat(parent.resolve("evil.txt")).doesNotExist();
        assertThat(root.resolve("inside/evil.txt")).doesNotExist();
        assertThat(Path.of("/tmp/evil.txt")).doesNotExist();
    }

    @Test
    void storedPermissionsKeepOnlyTheAccessBits() throws IOException {
        assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
        client.send("y");
        // setuid, setgid, sticky and a socket's type bits: none of it may reach the disk
        client.sendFile(new FileHeader(false, "tool", 0147755, 2, true), new byte[] {'#', '!'});
        assertThat(client.receive()).isEqualTo("ok");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tool"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.isRegularFile(root.resolve("tool"))).isTrue();
    }
}
