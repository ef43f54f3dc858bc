package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorPathTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../evil", "a/../../evil", "./../evil", "a/b/../../../evil", "..", "a/..",
            "../outside/secret.txt", "..\\evil", "a\\..\\..\\evil"})
    void aFileNamedOutOfTheTargetIsRefused(String name) throws IOException {
        byte[] archive = new HostileTarball().file("a/ok.txt", "fine").file(name, "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../evil-folder", "a/../../evil-folder"})
    void aFolderNamedOutOfTheTargetIsRefused(String name) throws IOException {
        byte[] archive = new HostileTarball().folder(name).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void anAbsoluteNameBesideTheTargetIsRefused() throws IOException {
        byte[] archive = new HostileTarball().file(temp.resolve("evil").toString(), "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void anAbsoluteNameInTmpIsRefused() throws IOException {
        Path evil = Path.of("/tmp/evil-" + UUID.randomUUID());
        byte[] archive = new HostileTarball().file(evil.toString(), "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(evil).doesNotExist();
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C:evil", "C:\\evil", "\\evil"})
    void aWindowsAbsoluteNameIsRefused(String name) throws IOException {
        byte[] archive = new HostileTarball().file(name, "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void harmlessDotsAndDoubledSlashesStayInside() throws IOException {
        byte[] archive = new HostileTarball().file("./a//b/./c.txt", "inside").file("a/..b", "dots in a name").toBytes();

        assertThat(sandbox.extract(archive)).containsExactly("a");
        assertThat(sandbox.target.resolve("a/b/c.txt")).hasContent("inside");
        assertThat(sandbox.target.resolve("a/..b")).hasContent("dots in a name");
        sandbox.assertNothingEscaped();
    }

    @Test
    void aFileMayNotReplaceAFolder() throws IOException {
        byte[] archive = new HostileTarball().file("a/b/c.txt", "x").file("a/b", "replaces the folder").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/b/c.txt")).hasContent("x");
    }

    @Test
    void topLevelNamesAreReportedOnceEachInArchiveOrder() throws IOException {
        byte[] archive = new HostileTarball().folder("b").file("b/1", "1").file("a", "a").file("b/2", "2").toBytes();

        assertThat(sandbox.extract(archive)).containsExactly("b", "a");
        assertThat(Files.isDirectory(sandbox.target.resolve("b"))).isTrue();
    }
}
