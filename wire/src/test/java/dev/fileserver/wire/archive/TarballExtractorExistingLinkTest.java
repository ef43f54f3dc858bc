package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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

/**
 * The target folder already holds {@code out -> ../outside}; no entry may be written through it,
 * whether folders are entered relative to open directories (Linux) or by path (elsewhere).
 */
class TarballExtractorExistingLinkTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    private Path link;

    @BeforeEach
    void createSandboxWithALinkOut() throws IOException {
        sandbox = Sandbox.in(temp);
        link = Files.createSymbolicLink(sandbox.target.resolve("out"), Path.of("../outside"));
    }

    private void assertNothingEscaped() throws IOException {
        Files.delete(link);
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out/evil.txt", "out/secret.txt", "out/new-folder/evil.txt", "out/a/b/c/evil.txt"})
    void aFileBelowTheLinkIsRefusedAndNothingAppearsOutside(String name) throws IOException {
        byte[] archive = new HostileTarball().file(name, "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertNothingEscaped();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out", "out/new-folder", "out/a/b"})
    void aFolderAtOrBelowTheLinkIsRefusedAndNothingAppearsOutside(String name) throws IOException {
        byte[] archive = new HostileTarball().folder(name).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertNothingEscaped();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out/evil.txt", "out/a/b/c/evil.txt", "out/new-folder"})
    void anEntryBelowTheLinkIsRefusedWhereFoldersAreEnteredByPath(String name) throws IOException {
        byte[] archive = (name.endsWith(".txt") ? new HostileTarball().file(name, "evil")
                : new HostileTarball().folder(name)).toBytes();

        assertThatThrownBy(() -> extractByPath(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertNothingEscaped();
    }

    @Test
    void aFolderInPlaceOfTheLinkIsRefusedWhereFoldersAreEnteredByPath() throws IOException {
        assertThatThrownBy(() -> extractByPath(new HostileTarball().folder("out").toBytes()))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("replaces a file or link");
        assertNothingEscaped();
    }

    private void extractByPath(byte[] archive) throws IOException {
        try (LocalFolderSink sink = new LocalFolderSink(sandbox.target.toRealPath(), PlainFolder::new)) {
            new TarballExtractor(new TarballLimits(1 << 20, 100)).extract(new ByteArrayInputStream(archive), sink);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out/link", "out/new-folder/link"})
    void aLinkBelowTheLinkIsRefusedAndNothingAppearsOutside(String name) throws IOException {
        byte[] archive = new HostileTarball().symlink(name, ".").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertNothingEscaped();
    }
}
