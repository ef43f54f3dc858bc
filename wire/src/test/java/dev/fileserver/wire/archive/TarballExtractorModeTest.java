package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.unixMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorModeTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"4755, 755", "2755, 755", "6777, 777", "1777, 777", "7000, 000", "0640, 640"})
    void setuidSetgidAndStickyBitsOfAFileAreNotApplied(String entryMode, String expectedMode) throws IOException {
        byte[] archive = new HostileTarball().file("a/tool", "#!/bin/sh\n", Integer.parseInt(entryMode, 8)).toBytes();

        sandbox.extract(archive);

        assertThat(unixMode(sandbox.target.resolve("a/tool"))).isEqualTo(Integer.parseInt(expectedMode, 8));
    }

    @Test
    void setgidAndStickyBitsOfAFolderAreNotApplied() throws IOException {
        byte[] archive = new HostileTarball().folder("shared", 03775).toBytes();

        sandbox.extract(archive);

        assertThat(unixMode(sandbox.target.resolve("shared"))).isEqualTo(0775);
    }

    @Test
    void aReadOnlyFolderStillReceivesItsEntriesAndStaysWritableByItsOwner() throws IOException {
        byte[] archive = new HostileTarball().folder("ro", 0555).file("ro/inside.txt", "x", 0444).toBytes();

        sandbox.extract(archive);

        assertThat(sandbox.target.resolve("ro/inside.txt")).hasContent("x");
        assertThat(unixMode(sandbox.target.resolve("ro/inside.txt"))).isEqualTo(0444);
        assertThat(unixMode(sandbox.target.resolve("ro"))).isEqualTo(0755);
    }
}
