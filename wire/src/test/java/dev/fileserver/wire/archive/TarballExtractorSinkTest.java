package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.FIXED_TIME;
import static dev.fileserver.wire.support.TestSupport.MIB;
import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static dev.fileserver.wire.support.TestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import dev.fileserver.wire.support.TestSupport.HostileTarball;

/** The extractor with no disk at all: what a sink gets, and what it is spared. */
class TarballExtractorSinkTest {

    private static final FileTime TIME = FileTime.from(FIXED_TIME);

    private static final TarballExtractor EXTRACTOR = new TarballExtractor(new TarballLimits(MIB, 10));

    private static List<String> extract(byte[] archive, ExtractionSink sink) throws IOException {
        return EXTRACTOR.extract(new ByteArrayInputStream(archive), sink);
    }

    @Test
    void entriesArriveInArchiveOrderWithTheirModesTimesAndContent() throws IOException {
        byte[] big = randomBytes(200_000, 3);
        MemoryTree tree = new MemoryTree(0750, TIME)
                .folder("docs", 0755, TIME)
                .file("docs/intro.md", utf8("# Intro\n"), 0644, TIME)
                .folder("docs/private", 0700, TIME)
                .file("big.bin", big, 0600, FileTime.fromMillis(0))
                .file("empty.txt", new byte[0], 0444, TIME);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        DirectoryTarball.of("top", tree).writeTo(archive);
        MemorySink sink = MemorySink.storingLinks();

        List<String> topLevel = extract(archive.toByteArray(), sink);

        assertThat(topLevel).containsExactly("top");
        assertThat(sink.calls).containsExactly(
                "folder top 0750 2021-03-04T05:06:07Z",
                "folder top/docs 0755 2021-03-04T05:06:07Z",
                "file top/docs/intro.md 0644 2021-03-04T05:06:07Z 8 bytes",
                "folder top/docs/private 0700 2021-03-04T05:06:07Z",
                "file top/big.bin 0600 1970-01-01T00:00:00Z 200000 bytes",
                "file top/empty.txt 0444 2021-03-04T05:06:07Z 0 bytes",
                "finish");
        assertThat(sink.files.get("top/docs/intro.md")).isEqualTo(utf8("# Intro\n"));
        assertThat(sink.files.get("top/big.bin")).isEqualTo(big);
    }

    @Test
    void namesArriveCheckedAndModesWithoutSpecialBits() throws IOException {
        byte[] archive = new HostileTarball().file("./a//b/./c.txt", "inside", 06755).folder("a/shared/", 03775)
                .file("b", "second top-level name").toBytes();
        MemorySink sink = MemorySink.storingLinks();

        assertThat(extract(archive, sink)).containsExactly("a", "b");
        assertThat(sink.calls).hasSize(4);
        assertThat(sink.calls.get(0)).startsWith("file a/b/c.txt 0755 ");
        assertThat(sink.calls.get(1)).startsWith("folder a/shared 0775 ");
        assertThat(sink.calls.get(2)).startsWith("file b 0644 ");
    }

    @Test
    void linkEntriesReachTheSinksLinkMethodsWithTheSymbolicTargetUnchecked() throws IOException {
        byte[] archive = new HostileTarball().file("a/file", "shared").hardLink("a/hard", "./a//file")
                .symlink("a/link", "../../anywhere").toBytes();
        MemorySink sink = MemorySink.storingLinks();

        extract(archive, sink);

        assertThat(sink.calls).hasSize(4);
        assertThat(sink.calls.subList(1, 4)).containsExactly(
                "hard link a/hard => a/file",
                "symbolic link a/link -> ../../anywhere",
                "finish");
    }

    @Test
    void aSinkThatRefusesLinksEndsTheExtractionWithoutFinishing() throws IOException {
        byte[] symbolic = new HostileTarball().file("a/file", "x").symlink("a/link", "file").file("a/later", "y")
                .toBytes();
        byte[] hard = new HostileTarball().file("a/file", "x").hardLink("a/hard", "a/file").toBytes();
        MemorySink refusingSymbolic = MemorySink.refusingLinks();
        MemorySink refusingHard = MemorySink.refusingLinks();

        assertThatThrownBy(() -> extract(symbolic, refusingSymbolic)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("a/link");
        assertThatThrownBy(() -> extract(hard, refusingHard)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("a/hard");
        assertThat(refusingSymbolic.calls).singleElement().asString().startsWith("file a/file ");
        assertThat(refusingHard.calls).singleElement().asString().startsWith("file a/file ");
    }

    @Test
    void unsafeNamesAndSpecialTypesNeverReachTheSink() throws IOException {
        MemorySink sink = MemorySink.storingLinks();

        for (byte[] archive : List.of(
                new HostileTarball().file("../evil", "x").toBytes(),
                new HostileTarball().file("/etc/evil", "x").toBytes(),
                new HostileTarball().hardLink("a/hard", "../outside").toBytes(),
                new HostileTarball().special("a/pipe", TarConstants.LF_FIFO).toBytes(),
                new HostileTarball().special("a/null", TarConstants.LF_CHR).toBytes())) {
            assertThatThrownBy(() -> extract(archive, sink)).isInstanceOf(UnsafeArchiveException.class);
        }
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void theExpansionLimitBoundsWhatTheSinkReads() throws IOException {
        byte[] bomb = new HostileTarball().file("a/1", new byte[MIB / 2]).file("bomb/zeros", new byte[10 * MIB])
                .toBytes();
        MemorySink sink = MemorySink.storingLinks();

        assertThatThrownBy(() -> extract(bomb, sink)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining(String.valueOf(MIB));
        assertThat(sink.bytesRead).isLessThanOrEqualTo(MIB);
        assertThat(sink.calls).doesNotContain("finish");
    }

    @Test
    void theEntryLimitBoundsWhatTheSinkGets() throws IOException {
        HostileTarball many = new HostileTarball();
        for (int i = 0; i < 11; i++) {
            many.folder("many/" + i);
        }
        MemorySink sink = MemorySink.storingLinks();

        assertThatThrownBy(() -> extract(many.toBytes(), sink)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("10 entries");
        assertThat(sink.calls).hasSize(10).doesNotContain("finish");
    }

    @Test
    void aSinkThatSwallowsTheLimitsRefusalStillFails() throws IOException {
        byte[] bomb = new HostileTarball().file("bomb/zeros", new byte[2 * MIB]).toBytes();
        ExtractionSink swallowing = new DiscardingSink() {
            @Override
            public void file(List<String> parts, int mode, FileTime modified, InputStream content) {
                try {
                    content.readAllBytes();
                }
                catch (IOException ignored) {
                    // carries on as if the file were complete
                }
            }
        };

        assertThatThrownBy(() -> extract(bomb, swallowing)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining(String.valueOf(MIB));
    }

    @Test
    void contentKeptPastItsCallCannotBeRead() throws IOException {
        byte[] archive = new HostileTarball().file("a/first", "first").file("a/second", "second").toBytes();
        InputStream[] kept = new InputStream[1];
        ExtractionSink keeping = new DiscardingSink() {
            @Override
            public void file(List<String> parts, int mode, FileTime modified, InputStream content) {
                kept[0] = content;
            }

            @Override
            public void finish() throws IOException {
                kept[0].read();
            }
        };

        assertThatThrownBy(() -> extract(archive, keeping)).isInstanceOf(IOException.class)
                .hasMessageContaining("only while");
    }

    /** Stores nothing; each test overrides what it looks at. */
    private static class DiscardingSink implements ExtractionSink {

        @Override
        public void folder(List<String> parts, int mode, FileTime modified) {
        }

        @Override
        public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        }

        @Override
        public void hardLink(List<String> parts, List<String> target) {
        }

        @Override
        public void symbolicLink(List<String> parts, String target) {
        }

        @Override
        public void finish() throws IOException {
        }
    }
}
