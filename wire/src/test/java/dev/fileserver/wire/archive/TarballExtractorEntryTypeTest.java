package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorEntryTypeTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    @Test
    void aFifoEntryIsRefused() throws IOException {
        byte[] archive = new HostileTarball().file("a/ok.txt", "fine").special("a/pipe", TarConstants.LF_FIFO).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/pipe")).doesNotExist();
    }

    @Test
    void aCharacterDeviceEntryIsRefused() throws IOException {
        byte[] archive = new HostileTarball().special("a/null", TarConstants.LF_CHR).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/null")).doesNotExist();
    }

    @Test
    void aBlockDeviceEntryIsRefused() throws IOException {
        byte[] archive = new HostileTarball().special("a/disk", TarConstants.LF_BLK).toBytes();

        assertThatThrownBy(() -> sandbox.extract(archive)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(sandbox.target.resolve("a/disk")).doesNotExist();
    }
}
