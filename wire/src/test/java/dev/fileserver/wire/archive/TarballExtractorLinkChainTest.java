package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

/**
 * Links whose target looks inside the folder when read as text, but leaves it once an earlier
 * link of the same archive is followed: {@code up -> .} is harmless, yet {@code esc -> up/..}
 * then means the target's parent.
 */
class TarballExtractorLinkChainTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    private static HostileTarball escapingChain() throws IOException {
        return new HostileTarball().symlink("up", ".").symlink("esc", "up/..");
    }

    @Test
    void aLinkThatLeavesTheTargetThroughAnEarlierLinkIsRefused() throws IOException {
        byte[] archive = escapingChain().toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aLinkInsideAFolderThatLeavesThroughALinkedParentIsRefused() throws IOException {
        byte[] archive = new HostileTarball().folder("a").symlink("a/self", "..").symlink("a/self/a/esc", "../..")
                .toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aHardLinkToAFileOutsideReachedThroughALinkChainIsRefused() throws IOException {
        byte[] archive = escapingChain().hardLink("stolen", "esc/outside/secret.txt").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aFileWrittenThroughALinkChainIntoAnExistingFolderOutsideIsRefused() throws IOException {
        byte[] archive = escapingChain().file("esc/outside/evil.txt", "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aFileWrittenThroughALinkChainIntoANewFolderOutsideCreatesNothingThere() throws IOException {
        byte[] archive = escapingChain().file("esc/new-folder/evil.txt", "evil").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aDanglingLinkWhoseTargetWouldAppearOutsideIsRefused() throws IOException {
        byte[] archive = new HostileTarball().symlink("up", ".").symlink("later", "up/../not-yet-there").toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aDanglingLinkThatWouldStayInsideIsKept() throws IOException {
        byte[] archive = new HostileTarball().folder("a").symlink("a/later", "../not-yet-there").toBytes();

        sandbox.extract(archive);
        sandbox.assertNothingEscaped();
    }
}
