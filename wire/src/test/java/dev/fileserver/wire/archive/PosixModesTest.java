package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.chmod;
import static dev.fileserver.wire.support.TestSupport.unixMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixModesTest {

    /** "rwxr-x---" for 0750, written out bit by bit. */
    private static String symbolic(int mode) {
        String letters = "rwxrwxrwx";
        StringBuilder text = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return text.toString();
    }

    @Test
    void everyOneOfThe512ModesSurvivesARoundTrip() {
        for (int mode = 0; mode <= 0777; mode++) {
            assertThat(PosixModes.toMode(PosixModes.toPermissions(mode))).as("mode %o", mode).isEqualTo(mode);
        }
    }

    @Test
    void everyModeMapsToTheSamePermissionsAsItsSymbolicForm() {
        for (int mode = 0; mode <= 0777; mode++) {
            Set<PosixFilePermission> expected = PosixFilePermissions.fromString(symbolic(mode));

            assertThat(PosixModes.toPermissions(mode)).as("mode %o", mode).isEqualTo(expected);
            assertThat(PosixModes.toMode(expected)).as("mode %o", mode).isEqualTo(mode);
        }
    }

    @Test
    void typeSetuidSetgidAndStickyBitsAreLeftOut() {
        assertThat(PosixModes.toPermissions(0107755)).isEqualTo(PosixModes.toPermissions(0755));
        assertThat(PosixModes.toPermissions(040700)).isEqualTo(PosixModes.toPermissions(0700));
    }

    @Test
    void modesAreReadFromAndAppliedToRealFiles(@TempDir Path folder) throws IOException {
        Path file = Files.createFile(folder.resolve("a"));
        chmod(file, 0640);

        assertThat(PosixModes.read(file, -1)).isEqualTo(0640);

        PosixModes.apply(file, 0104751);
        assertThat(unixMode(file)).isEqualTo(0751);
    }

    @Test
    void readingALinkReadsTheLinkNotItsTarget(@TempDir Path folder) throws IOException {
        Path file = Files.createFile(folder.resolve("a"));
        chmod(file, 0600);
        Path link = Files.createSymbolicLink(folder.resolve("link"), file.getFileName());

        assertThat(PosixModes.read(link, -1)).isNotEqualTo(0600);
        assertThat(PosixModes.read(file, -1)).isEqualTo(0600);
    }
}
