package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names too long for a tar header travel in a PAX record of their own and come back whole. */
class DirectoryTarballLongNameTest {

    private static final FileTime TIME = FileTime.fromMillis(0);

    @ParameterizedTest(name = "a name of {0} characters")
    @ValueSource(ints = {98, 99, 100, 101, 250, 4_000})
    void aLongNameComesBackWholeAndTheAnnouncedLengthIsExact(int length) throws IOException {
        String folder = "ü".repeat(length / 2);
        String file = folder + "/" + "f".repeat(Math.max(1, length - folder.length() - 1));
        MemoryTree tree = new MemoryTree(0755, TIME).folder(folder, 0700, TIME)
                .file(file, "content".getBytes(StandardCharsets.UTF_8), 0600, TIME);
        DirectoryTarball tarball = DirectoryTarball.of("top", tree);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        tarball.writeTo(archive);
        MemorySink sink = MemorySink.storingLinks();

        new TarballExtractor(new TarballLimits(1 << 20, 10).withPathLimits(10, 10_000))
                .extract(new ByteArrayInputStream(archive.toByteArray()), sink);

        assertThat(archive.size()).isEqualTo(tarball.length());
        assertThat(sink.calls).containsExactly(
                "folder top 0755 1970-01-01T00:00:00Z",
                "folder top/" + folder + " 0700 1970-01-01T00:00:00Z",
                "file top/" + file + " 0600 1970-01-01T00:00:00Z 7 bytes",
                "finish");
    }

    @Test
    void aPaxRecordCountsItsOwnDigits() {
        // " path=" and "\n" take 7 bytes: with "a" and one digit 9 bytes, with "ab" 10, which needs two digits
        assertThat(DirectoryTarball.paxRecord("path", "")).asString(StandardCharsets.UTF_8).isEqualTo("8 path=\n");
        assertThat(DirectoryTarball.paxRecord("path", "a")).asString(StandardCharsets.UTF_8).isEqualTo("9 path=a\n");
        assertThat(DirectoryTarball.paxRecord("path", "ab")).asString(StandardCharsets.UTF_8).isEqualTo("11 path=ab\n");
    }
}
