package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.ServerPerClass;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * After a login every path is the account's home's: alice, whose home is {@code root/alice}, can
 * neither list, read, replace nor delete what bob keeps in {@code root/bob}, whichever way she names
 * it ({@code ..}, an absolute path, a link in her home pointing into his). A read-only account is
 * refused every writing command at its path check with the v1 permission error.
 */
class HomeFolderTest {

    static final String DENIED = "Error: You don't have permission to access that directory";

    static final Path USERS = UsersFileFolder.create("home-folder");

    @RegisterExtension
    static final ServerPerClass server = new ServerPerClass("--fileserver.auth.users-file=" + USERS.resolve("users.yml"),
            "--fileserver.max-clients=10");

    V1Client alice;

    Map<String, String> bobsFilesBefore;

    @BeforeEach
    void plantTwoHomes() throws IOException {
        new UsersFixture(USERS.resolve("users.yml")).add("alice", "alice's secret", null, false)
                .add("bob", "bob's secret", null, true);
        Path bob = Files.createDirectories(server.root().resolve("bob"));
        Files.writeString(bob.resolve("secret.txt"), "bob's");
        Path home = Files.createDirectories(server.root().resolve("alice"));
        Files.writeString(home.resolve("own.txt"), "alice's");
        Files.createSymbolicLink(home.resolve("to-bob"), bob);
        Files.createSymbolicLink(home.resolve("to-bob-file"), bob.resolve("secret.txt"));
        bobsFilesBefore = Trees.describe(bob);
        alice = V1Client.connectAccepted(server.port());
        assertThat(logIn(alice, "alice", "alice's secret")).isEqualTo("welcome alice read-write");
    }

    @AfterEach
    void bobsFilesAreUntouched() throws IOException {
        alice.close();
        assertThat(Trees.describe(server.root().resolve("bob"))).isEqualTo(bobsFilesBefore);
    }

    @Test
    void theHomeIsTheRootTheAccountSees() throws IOException {
        assertThat(alice.list("")).isEqualTo("own.txt\nto-bob\nto-bob-file\n");
        assertThat(alice.request("/tree", 3).get(2)).startsWith("alice\n");
        assertThat(alice.request("/stat", 3).get(2)).contains("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = { "../bob", "..", "/", "/etc", "to-bob", "../alice/../bob", "to-bob/../../bob" })
    void anotherHomeCannotBeListedByAnyPath(String path) throws IOException {
        assertThat(alice.request("/list " + path, 1)).containsExactly(DENIED);
        assertThat(alice.request("/tree " + path, 1)).containsExactly(DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../bob/secret.txt", "to-bob/secret.txt", "to-bob-file", "/etc/passwd" })
    void anotherHomesFilesCannotBeReadNorDeleted(String path) throws IOException {
        assertThat(alice.request("/download " + path, 1)).containsExactly(DENIED);
        assertThat(alice.request("/delete " + path, 1)).containsExactly(DENIED);
        assertThat(alice.request("/stat " + path, 1)).containsExactly(DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../bob", "to-bob", "/" })
    void nothingCanBeUploadedIntoAnotherHome(String path) throws IOException {
        assertThat(alice.request("/upload " + path, 1)).containsExactly(DENIED);
        assertThat(alice.request("/mkdir " + path + "/new", 1)).containsExactly(DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../bob/secret.txt", "to-bob/secret.txt", "to-bob/own.txt" })
    void nothingCanBeRenamedOverOrIntoAnotherHome(String target) throws IOException {
        assertThat(alice.request("/rename own.txt", 2)).containsExactly("ok", "file");
        assertThat(alice.request(target, 1)).containsExactly(DENIED);
        assertThat(server.root().resolve("alice/own.txt")).exists();
    }

    @Test
    void anUploadNamedLikeAnotherHomesFileLandsInTheOwnHome() throws IOException {
        byte[] content = "alice's new".getBytes(StandardCharsets.UTF_8);
        assertThat(alice.uploadAcked(FileHeader.ofFile("secret.txt", 0644, content.length), content)).isEqualTo("ok");
        assertThat(server.root().resolve("alice/secret.txt")).hasContent("alice's new");
        assertThat(server.root().resolve("secret.txt")).doesNotExist();
    }

    @Test
    void aReadOnlyAccountMayReadButIsRefusedEveryWritingCommandAtItsPathCheck() throws IOException {
        try (V1Client bob = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(bob, "bob", "bob's secret")).isEqualTo("welcome bob read-only");
            assertThat(bob.list("")).isEqualTo("secret.txt\n");
            assertThat(bob.receiveContent(bob.download("secret.txt", "file"))).asString().isEqualTo("bob's");
            assertThat(bob.request("/upload", 1)).containsExactly(DENIED);
            assertThat(bob.request("/delete secret.txt", 1)).containsExactly(DENIED);
            assertThat(bob.request("/mkdir new", 1)).containsExactly(DENIED);
            assertThat(bob.request("/mkdirs new/newer", 1)).containsExactly(DENIED);
            assertThat(bob.request("/rename secret.txt", 1)).containsExactly(DENIED);
            assertThat(bob.request("/list", 3)).containsExactly("ok", "ok", "secret.txt\n");
        }
    }
}
