package dev.fileserver.wire.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The digest trailer's frames, written and read back one frame at a time. */
class Sha256TrailerTest {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static Sha256Trailer readBack(List<String> frames, int maxEntries) throws TrailerException {
        TrailerReader reader = new TrailerReader(maxEntries);
        Sha256Trailer trailer = null;
        for (int i = 0; i < frames.size(); i++) {
            trailer = reader.accept(frames.get(i));
            assertThat(trailer == null).as("whole only after the last frame").isEqualTo(i < frames.size() - 1);
        }
        return trailer;
    }

    @Test
    void aFileTrailerIsOneFrameThatSha256sumUsersRecognise() throws TrailerException {
        assertThat(Sha256.of("".getBytes(StandardCharsets.UTF_8))).isEqualTo(EMPTY);
        assertThat(Sha256Trailer.ofWhole(EMPTY).frames()).containsExactly("sha256 " + EMPTY);
        assertThat(readBack(List.of("sha256 " + EMPTY), 10).whole()).isEqualTo(EMPTY);
    }

    @Test
    void aFolderTrailerCountsItsFramesAndKeepsEachFrameSmall() throws TrailerException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            entries.put("folder " + i + "/file-" + i + ".txt", Sha256.of(new byte[] {(byte) i}));
        }

        List<String> frames = Sha256Trailer.ofEntries(entries).frames();

        assertThat(frames.size()).isGreaterThan(3);
        assertThat(frames.get(0)).isEqualTo("sha256-entries " + (frames.size() - 1));
        assertThat(frames.subList(1, frames.size()))
                .allSatisfy(frame -> assertThat(frame.length()).isLessThanOrEqualTo(Sha256Trailer.MAX_FRAME_CHARS));
        assertThat(readBack(frames, 2000).entries()).containsExactlyEntriesOf(entries);
    }

    @Test
    void namesWithNewlinesAndBackslashesComeBackAsTheyWere() throws TrailerException {
        Map<String, String> entries = Map.of("two\nlines", EMPTY, "back\\slash", EMPTY, "plain", EMPTY);

        List<String> frames = Sha256Trailer.ofEntries(entries).frames();

        assertThat(frames.get(1)).contains("\\" + EMPTY + "  two\\nlines\n", EMPTY + "  plain\n");
        assertThat(readBack(frames, 10).entries()).isEqualTo(entries);
    }

    @Test
    void anEmptyFolderHasATrailerOfNoFrames() throws TrailerException {
        assertThat(Sha256Trailer.ofEntries(Map.of()).frames()).containsExactly("sha256-entries 0");
        assertThat(readBack(List.of("sha256-entries 0"), 10).entries()).isEmpty();
    }

    @Test
    void somethingElseThanATrailerIsRefusedWithWhatCame() {
        assertThatThrownBy(() -> new TrailerReader(10).accept("/list")).isInstanceOf(TrailerException.class)
                .hasMessageContaining("'/list'");
        assertThatThrownBy(() -> new TrailerReader(10).accept("sha256 ABC")).isInstanceOf(TrailerException.class);
        assertThatThrownBy(() -> new TrailerReader(10).accept("sha256 " + EMPTY.toUpperCase()))
                .isInstanceOf(TrailerException.class);
    }

    @Test
    void aPeerCannotMakeTheReaderHoldMoreNamesThanAFolderMayHave() throws TrailerException {
        assertThatThrownBy(() -> new TrailerReader(10).accept("sha256-entries 11")).isInstanceOf(TrailerException.class);
        TrailerReader reader = new TrailerReader(2);
        reader.accept("sha256-entries 1");
        assertThatThrownBy(() -> reader.accept(EMPTY + "  a\n" + EMPTY + "  b\n" + EMPTY + "  c\n"))
                .isInstanceOf(TrailerException.class).hasMessageContaining("more than 2");
    }
}
