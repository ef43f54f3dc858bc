package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.concat;
import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.lengthHeader;
import static dev.fileserver.wire.support.TestSupport.streamOf;
import static dev.fileserver.wire.support.TestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruncatedFrameTest {

    private static FrameReader readerOf(byte[]... parts) {
        return new FrameReader(streamOf(parts), FrameLimits.DEFAULT);
    }

    @Test
    void aStreamThatEndsBeforeAnyByteIsACleanEndOfStream() {
        assertThatThrownBy(readerOf()::readText).isInstanceOf(EndOfStreamException.class);
        assertThatThrownBy(readerOf()::readFileHeader).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void aStreamThatEndsRightAfterAWholeFrameIsACleanEndOfStream() throws Exception {
        FrameReader reader = readerOf(frame("ok"));
        reader.readText();

        assertThatThrownBy(reader::readText).isInstanceOf(EndOfStreamException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aStreamThatEndsInsideTheLengthHeaderIsTruncatedNotClosed(int headerBytes) {
        byte[] partialHeader = Arrays.copyOf(lengthHeader(5), headerBytes);

        assertThatThrownBy(readerOf(partialHeader)::readText)
                .isInstanceOf(TruncatedFrameException.class)
                .isNotInstanceOf(EndOfStreamException.class);
        assertThatThrownBy(readerOf(partialHeader)::readFileHeader)
                .isInstanceOf(TruncatedFrameException.class)
                .isNotInstanceOf(EndOfStreamException.class);
    }

    @Test
    void aTextFrameWhoseBodyEndsEarlyIsTruncated() {
        FrameReader reader = readerOf(lengthHeader(10), utf8("only 7"));

        assertThatThrownBy(reader::readText)
                .isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("6 of 10");
    }

    @Test
    void aLengthHeaderWithNoBodyAtAllIsTruncated() {
        assertThatThrownBy(readerOf(lengthHeader(1))::readText).isInstanceOf(TruncatedFrameException.class);
    }

    @Test
    void aFileHeaderWhoseJsonEndsEarlyIsTruncated() {
        byte[] json = utf8("{\"is_compressed\":false,\"file_name\":\"a\",\"permissions\":33188,\"file_len\":0}");
        FrameReader reader = readerOf(concat(lengthHeader(json.length), Arrays.copyOf(json, json.length - 1)));

        assertThatThrownBy(reader::readFileHeader).isInstanceOf(TruncatedFrameException.class);
    }

    @Test
    void aTruncatedFrameIsAProtocolError() {
        InputStream in = streamOf(lengthHeader(3), utf8("a"));

        assertThatThrownBy(new FrameReader(in, FrameLimits.DEFAULT)::readText).isInstanceOf(ProtocolException.class);
    }
}
