package dev.fileserver.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fileserver.wire.listing.EntryLine;

/** Long listing lines: exact fields, one line per entry whatever its name. */
class EntryLineTest {

    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00.123456Z");

    @Test
    void aListingLineHoldsTypeSizeOctalModeUtcSecondAndName() {
        EntryLine line = EntryLine.of(EntryLine.FILE, 1234, 0640, NOON, "notes.txt");

        assertThat(line.format(false)).isEqualTo("f\t1234\t0640\t2024-05-01T12:00:00Z\tnotes.txt");
        assertThat(EntryLine.parse(line.format(false), false)).isEqualTo(line);
    }

    @Test
    void aTreeLineAddsTheDepthAndTheNoteOfAFolderNotEntered() {
        EntryLine line = EntryLine.of(EntryLine.FOLDER, 4096, 0, NOON, "locked").atDepth(2)
                .noted("cannot list: permission denied");

        assertThat(line.format(true))
                .isEqualTo("2\td\t4096\t0000\t2024-05-01T12:00:00Z\tlocked\tcannot list: permission denied");
        assertThat(EntryLine.parseAll(line.format(true) + "\n", true)).containsExactly(line);
    }

    @Test
    void namesWithTabsNewlinesAndBackslashesStayOnOneLineAndComeBack() {
        EntryLine line = EntryLine.of(EntryLine.FILE, 1, 0644, NOON, "a\tb\nc\\d");

        assertThat(line.format(false)).doesNotContain("\n").endsWith("a\\tb\\nc\\\\d");
        assertThat(EntryLine.parseAll(line.format(false) + "\n" + line.format(false) + "\n", false))
                .isEqualTo(List.of(line, line));
    }

    @Test
    void aLineThatIsNotAnEntryIsRefused() {
        assertThatThrownBy(() -> EntryLine.parse("Error: 'x' not found", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryLine.parse("x\t1\t0644\t2024-05-01T12:00:00Z\tname", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
