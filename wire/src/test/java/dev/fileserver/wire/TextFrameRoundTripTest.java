package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFrameRoundTripTest {

    private static byte[] written(String... texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        for (String text : texts) {
            writer.writeText(text);
        }
        writer.flush();
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection accepted", "/download notes.txt", "ok", "naïve-日本.txt", "emoji 😀 and ß",
            "├── a\n│   └── b\n", ""})
    void aTextFrameReadsBackAsTheSameText(String text) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(written(text)), FrameLimits.DEFAULT);

        assertThat(reader.readText()).isEqualTo(text);
    }

    @Test
    void aTextFrameIsAFourByteBigEndianLengthFollowedByTheUtf8Bytes() throws IOException {
        assertThat(written("héllo")).containsExactly(0, 0, 0, 6, 'h', 0xC3, 0xA9, 'l', 'l', 'o');
    }

    @Test
    void anEmptyTextFrameIsJustFourZeroBytes() throws IOException {
        assertThat(written("")).containsExactly(0, 0, 0, 0);
    }

    @Test
    void theLengthCountsUtf8BytesNotCharacters() throws IOException {
        // 3 characters: 2 + 3 + 4 bytes
        assertThat(written("é日😀")).startsWith(0, 0, 0, 9).hasSize(13);
    }

    @Test
    void aLengthAbove255IsWrittenMostSignificantByteFirst() throws IOException {
        String text = "x".repeat(0x01_02_03);

        byte[] frame = written(text);

        assertThat(frame).startsWith(0x00, 0x01, 0x02, 0x03).hasSize(4 + 0x01_02_03);
        assertThat(new FrameReader(new ByteArrayInputStream(frame), new FrameLimits(0x01_02_03, 1)).readText())
                .isEqualTo(text);
    }

    @Test
    void framesWrittenOneAfterAnotherAreReadBackInOrderAndThenTheStreamEnds() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(written("ok", "", "dir", "naïve")),
                FrameLimits.DEFAULT);

        assertThat(reader.readText()).isEqualTo("ok");
        assertThat(reader.readText()).isEmpty();
        assertThat(reader.readText()).isEqualTo("dir");
        assertThat(reader.readText()).isEqualTo("naïve");
        assertThatThrownBy(reader::readText).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void aFrameIsReadByItsLengthNotByHowTheBytesArrive() throws IOException {
        FrameReader reader = new FrameReader(trickle(frame("ok"), frame("naïve-日本")), FrameLimits.DEFAULT);

        assertThat(reader.readText()).isEqualTo("ok");
        assertThat(reader.readText()).isEqualTo("naïve-日本");
    }
}
