package dev.fileserver.wire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.LocalFolderSink;
import dev.fileserver.wire.archive.LocalTreeSource;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;

/** Per-file digests taken while a folder is packed and while it is unpacked agree, file by file. */
class EntryDigestsTest {

    @TempDir
    Path temp;

    @Test
    void theDigestsNotedWhilePackingAreThoseNotedWhileUnpacking() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photos/2024"));
        Files.writeString(folder.resolve("dog.jpg"), "woof");
        Files.writeString(temp.resolve("photos/cat.jpg"), "meow");
        Map<String, String> packed = new HashMap<>();
        DirectoryTarball tarball = DirectoryTarball.of("photos",
                EntryDigests.recording(new LocalTreeSource(temp.resolve("photos"), path -> true), packed));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tarball.writeTo(bytes);

        Map<String, String> unpacked = new HashMap<>();
        Path into = Files.createDirectories(temp.resolve("into"));
        new TarballExtractor(new TarballLimits(1 << 20, 100)).extract(new ByteArrayInputStream(bytes.toByteArray()),
                EntryDigests.recording(new LocalFolderSink(into), unpacked));

        assertThat(packed).containsOnlyKeys("cat.jpg", "2024/dog.jpg")
                .containsEntry("cat.jpg", Sha256.of("meow".getBytes(StandardCharsets.UTF_8)));
        assertThat(unpacked).isEqualTo(packed);
        assertThat(EntryDigests.firstMismatch(packed, unpacked)).isEmpty();
    }

    @Test
    void theFirstMismatchNamesAMissingAnUnannouncedOrADifferentFile() {
        String a = Sha256.of(new byte[] {1});
        String b = Sha256.of(new byte[] {2});

        assertThat(EntryDigests.firstMismatch(Map.of("x", a), Map.of("x", b)))
                .contains(new EntryDigests.Mismatch("x", a, b));
        assertThat(EntryDigests.firstMismatch(Map.of("x", a, "y", a), Map.of("x", a)))
                .contains(new EntryDigests.Mismatch("y", a, null));
        assertThat(EntryDigests.firstMismatch(Map.of(), Map.of("z", a)))
                .contains(new EntryDigests.Mismatch("z", null, a));
    }
}
