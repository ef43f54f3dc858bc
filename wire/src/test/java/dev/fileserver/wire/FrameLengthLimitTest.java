package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.LIMITS_64_KIB;
import static dev.fileserver.wire.support.TestSupport.MIB;
import static dev.fileserver.wire.support.TestSupport.bytesAllocatedBy;
import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.lengthHeader;
import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.wire.support.TestSupport;

class FrameLengthLimitTest {

    private static final int LIMIT = 64 * 1024;

    /** A length header followed by some bytes that must stay unread. */
    private static ByteArrayInputStream announcing(long length) {
        return new ByteArrayInputStream(TestSupport.concat(lengthHeader(length), randomBytes(1000, 7)));
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"80000000", "FFFFFFFF", "7FFFFFFF", "00010001"})
    void aTextFrameLongerThanTheLimitIsRefusedBeforeItsBodyIsRead(String hexLength) {
        ByteArrayInputStream in = announcing(Long.parseLong(hexLength, 16));
        FrameReader reader = new FrameReader(in, LIMITS_64_KIB);

        assertThatThrownBy(reader::readText)
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining(String.valueOf(Long.parseLong(hexLength, 16)))
                .hasMessageContaining(String.valueOf(LIMIT));
        assertThat(in.available()).as("bytes left unread after the header").isEqualTo(1000);
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"80000000", "FFFFFFFF", "7FFFFFFF", "00010001"})
    void aFileHeaderLongerThanTheLimitIsRefusedBeforeItsBodyIsRead(String hexLength) {
        ByteArrayInputStream in = announcing(Long.parseLong(hexLength, 16));
        FrameReader reader = new FrameReader(in, LIMITS_64_KIB);

        assertThatThrownBy(reader::readFileHeader).isInstanceOf(FrameTooLargeException.class);
        assertThat(in.available()).as("bytes left unread after the header").isEqualTo(1000);
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"80000000", "FFFFFFFF", "7FFFFFFF"})
    void refusingAHugeLengthAllocatesNothingLikeTheAnnouncedSize(String hexLength) {
        FrameReader textReader = new FrameReader(announcing(Long.parseLong(hexLength, 16)), LIMITS_64_KIB);
        FrameReader headerReader = new FrameReader(announcing(Long.parseLong(hexLength, 16)), LIMITS_64_KIB);

        assertThat(bytesAllocatedBy(textReader::readText)).isLessThan(MIB);
        assertThat(bytesAllocatedBy(headerReader::readFileHeader)).isLessThan(MIB);
    }

    @Test
    void aTextFrameOfExactlyTheLimitIsAccepted() throws IOException {
        String text = "a".repeat(LIMIT);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(frame(text)), LIMITS_64_KIB);

        assertThat(reader.readText()).isEqualTo(text);
    }

    @Test
    void theTextAndHeaderLimitsAreAppliedSeparately() throws IOException {
        byte[] header = TestSupport.utf8("{\"is_compressed\":false,\"file_name\":\"" + "n".repeat(200)
                + "\",\"permissions\":33188,\"file_len\":0}");
        FrameReader reader = new FrameReader(new ByteArrayInputStream(TestSupport.concat(frame("x".repeat(100)),
                frame(header), frame(header))), new FrameLimits(100, header.length));

        assertThat(reader.readText()).hasSize(100);
        assertThat(reader.readFileHeader().fileName()).hasSize(200);
        FrameReader strictHeaders = new FrameReader(new ByteArrayInputStream(frame(header)),
                new FrameLimits(header.length, header.length - 1));
        assertThatThrownBy(strictHeaders::readFileHeader).isInstanceOf(FrameTooLargeException.class);
    }

    @Test
    void aTooLargeFrameIsAProtocolErrorThatEndsTheConnection() {
        FrameReader reader = new FrameReader(announcing(0xFFFFFFFFL), LIMITS_64_KIB);

        assertThatThrownBy(reader::readText).isInstanceOf(ProtocolException.class);
    }
}
