package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.wire.support.TestSupport.HostileTarball;

/** Names are refused by what they hold and how deep and long they are, before any sink sees them. */
class TarballExtractorNameLimitsTest {

    private static final TarballExtractor EXTRACTOR = new TarballExtractor(new TarballLimits(MIB, 100).withPathLimits(4, 20));

    private static MemorySink extract(byte[] archive) throws IOException {
        MemorySink sink = MemorySink.storingLinks();
        EXTRACTOR.extract(new ByteArrayInputStream(archive), sink);
        return sink;
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x01, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f})
    void aNameWithAControlCharacterIsRefusedAndShownEscaped(int control) throws IOException {
        String name = "top/evil" + (char) control + "spoofed.txt";
        byte[] archive = new HostileTarball().folder("top").file(name, "x").toBytes();

        assertThatThrownBy(() -> extract(archive)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("'top/evil" + ControlCharacters.escape(String.valueOf((char) control))
                        + "spoofed.txt' has a control character in its name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(String.valueOf((char) control)));
    }

    @Test
    void aHardLinkToANameWithAControlCharacterIsRefused() throws IOException {
        byte[] archive = new HostileTarball().file("a/ok", "x").hardLink("a/link", "a/o\nk").toBytes();

        assertThatThrownBy(() -> extract(archive)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("a/o\\nk");
    }

    @Test
    void aNameAsDeepAsTheLimitPassesAndOneLevelMoreIsRefused() throws IOException {
        assertThat(extract(new HostileTarball().file("a/b/c/d", "x").toBytes()).files).containsKey("a/b/c/d");

        assertThatThrownBy(() -> extract(new HostileTarball().file("a/b/c/d/e", "x").toBytes()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("'a/b/c/d/e' is nested more than 4 levels deep");
    }

    @Test
    void aFolderNestedTooDeepIsRefusedToo() throws IOException {
        assertThatThrownBy(() -> extract(new HostileTarball().folder("a/b/c/d/e/").toBytes()))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("more than 4 levels deep");
    }

    @Test
    void aNameAsLongAsTheLimitPassesAndOneCharacterMoreIsRefused() throws IOException {
        assertThat(extract(new HostileTarball().file("a/" + "n".repeat(18), "x").toBytes()).files).hasSize(1);

        assertThatThrownBy(() -> extract(new HostileTarball().file("a/" + "n".repeat(19), "x").toBytes()))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("longer than 20 characters");
    }

    @Test
    void aRefusalShowsAVeryLongNameCutShort() throws IOException {
        String name = "x".repeat(5_000);
        byte[] archive = new HostileTarball().file(name, "x").toBytes();

        assertThatThrownBy(() -> extract(archive)).isInstanceOf(UnsafeArchiveException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("x".repeat(200) + "..."));
    }

    @Test
    void theDefaultLimitsAreFarBeyondRealTrees() {
        TarballLimits limits = new TarballLimits(MIB, 100);

        assertThat(limits.maxPathDepth()).isEqualTo(256);
        assertThat(limits.maxPathLength()).isEqualTo(4096);
    }
}
