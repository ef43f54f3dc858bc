package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorLinkTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    @ParameterizedTest(name = "a/link -> {0}")
    @ValueSource(strings = {"/etc", "/", "../../outside", "../../outside/secret.txt", "../..", "b/../../..", ""})
    void aSymbolicLinkPointingOutOfTheTargetIsRefused(String linkTarget) throws IOException {
        byte[] archive = new HostileTarball().folder("a").symlink("a/link", linkTarget).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/link")).doesNotExist();
        assertThat(Files.isSymbolicLink(sandbox.target.resolve("a/link"))).isFalse();
        sandbox.assertNothingEscaped();
    }

    @Test
    void anEntryWrittenThroughAnEscapingLinkIsRefused() throws IOException {
        byte[] archive = new HostileTarball().symlink("a/link", "../../outside").file("a/link/evil", "evil")
                .file("a/link/new/evil", "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aSymbolicLinkPointingInsideIsKept() throws IOException {
        byte[] archive = new HostileTarball().file("a/file", "content").symlink("a/link", "file")
                .symlink("a/up", "..").symlink("top", "a/file").toBytes();

        sandbox.extract(archive);

        assertThat(Files.readSymbolicLink(sandbox.target.resolve("a/link"))).isEqualTo(Path.of("file"));
        assertThat(sandbox.target.resolve("a/link")).hasContent("content");
        assertThat(sandbox.target.resolve("a/up/a/file")).hasContent("content");
        assertThat(sandbox.target.resolve("top")).hasContent("content");
        sandbox.assertNothingEscaped();
    }

    @Test
    void aFolderEntryMayNotReplaceALink() throws IOException {
        byte[] archive = new HostileTarball().folder("a/sub").symlink("a/link", "sub").folder("a/link").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "a/hard => {0}")
    @ValueSource(strings = {"/etc/passwd", "../outside/secret.txt", "../x", "a/../../outside/secret.txt"})
    void aHardLinkToAFileOutsideIsRefused(String linkTarget) throws IOException {
        byte[] archive = new HostileTarball().file("a/file", "x").hardLink("a/hard", linkTarget).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/hard")).doesNotExist();
        sandbox.assertNothingEscaped();
    }

    @Test
    void aHardLinkToAnEarlierEntryIsTheSameFile() throws IOException {
        byte[] archive = new HostileTarball().file("a/file", "shared").hardLink("a/hard", "a/file").toBytes();

        sandbox.extract(archive);

        assertThat(Files.isSameFile(sandbox.target.resolve("a/hard"), sandbox.target.resolve("a/file"))).isTrue();
        assertThat(sandbox.target.resolve("a/hard")).hasContent("shared");
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "a/hard => {0}")
    @ValueSource(strings = {"a/later", "a/missing", "a", "a/link"})
    void aHardLinkToNoEarlierFileIsRefused(String linkTarget) throws IOException {
        byte[] archive = new HostileTarball().folder("a").symlink("a/link", "../a").hardLink("a/hard", linkTarget)
                .file("a/later", "later").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }
}
