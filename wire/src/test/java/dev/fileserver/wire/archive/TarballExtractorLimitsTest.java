package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorLimitsTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    private void extract(byte[] archive, TarballLimits limits) throws IOException {
        new TarballExtractor(limits).extract(new ByteArrayInputStream(archive), sandbox.target);
    }

    private static byte[] entries(int count) throws IOException {
        HostileTarball tarball = new HostileTarball().folder("many");
        for (int i = 1; i < count; i++) {
            tarball.file("many/" + i, "");
        }
        return tarball.toBytes();
    }

    @Test
    void moreEntriesThanTheLimitAreRefused() throws IOException {
        assertThatThrownBy(() -> extract(entries(11), new TarballLimits(MIB, 10)))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("10 entries");
        sandbox.assertNothingEscaped();
    }

    @Test
    void exactlyTheLimitOfEntriesIsAccepted() throws IOException {
        extract(entries(10), new TarballLimits(MIB, 10));

        try (var files = Files.list(sandbox.target.resolve("many"))) {
            assertThat(files).hasSize(9);
        }
    }

    @Test
    void aSmallArchiveThatExpandsPastTheLimitIsRefusedWithoutWritingPastIt() throws IOException {
        byte[] bomb = new HostileTarball().file("bomb/zeros", new byte[10 * MIB]).toBytes();
        assertThat(bomb.length).as("compressed size").isLessThan(100 * 1024);

        assertThatThrownBy(() -> extract(bomb, new TarballLimits(MIB, 100)))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining(String.valueOf(MIB));
        assertThat(Files.size(sandbox.target.resolve("bomb/zeros"))).isLessThanOrEqualTo(MIB);
        sandbox.assertNothingEscaped();
    }

    @Test
    void theLimitCountsTheBytesOfAllFilesTogether() throws IOException {
        byte[] archive = new HostileTarball().file("a/1", new byte[600 * 1024]).file("a/2", new byte[600 * 1024])
                .toBytes();

        assertThatThrownBy(() -> extract(archive, new TarballLimits(MIB, 100))).isInstanceOf(UnsafeArchiveException.class);
    }

    @Test
    void filesAddingUpToExactlyTheLimitAreAccepted() throws IOException {
        byte[] archive = new HostileTarball().file("a/1", new byte[MIB / 2]).file("a/2", new byte[MIB / 2]).toBytes();

        extract(archive, new TarballLimits(MIB, 100));

        assertThat(Files.size(sandbox.target.resolve("a/2"))).isEqualTo(MIB / 2);
    }
}
