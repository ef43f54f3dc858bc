package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.streamOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidTextFrameTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ff",           // never valid in UTF-8
            "fffe6f6b",     // a UTF-16 byte order mark
            "80",           // a continuation byte with no lead byte
            "c0af",         // an overlong encoding of '/'
            "e697",         // a three-byte sequence cut short
            "eda080",       // an encoded surrogate
            "f4908080",     // beyond U+10FFFF
            "2f6c69737420e9"})  // "/list " then Latin-1 'é'
    void aTextFrameThatIsNotUtf8IsRefusedAndTheNextFrameStillReads(String hex) throws IOException {
        FrameReader reader = new FrameReader(streamOf(frame(HexFormat.of().parseHex(hex)), frame("/list")),
                FrameLimits.DEFAULT);

        assertThatThrownBy(reader::readText).isInstanceOf(InvalidTextException.class);
        assertThat(reader.readText()).isEqualTo("/list");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff", "c0af"})
    void invalidTextIsNotAProtocolErrorBecauseTheFramingIsIntact(String hex) {
        FrameReader reader = new FrameReader(streamOf(frame(HexFormat.of().parseHex(hex))), FrameLimits.DEFAULT);

        assertThatThrownBy(reader::readText)
                .isInstanceOf(InvalidTextException.class)
                .isNotInstanceOf(ProtocolException.class);
    }
}
