package dev.fileserver.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.support.TestSupport;

/** The extension keys of a file header: written only when set, read strictly, ignored by v1. */
class FileHeaderExtensionsTest {

    private static String json(FileHeader header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out).writeFileHeader(header);
        byte[] frame = out.toByteArray();
        return new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
    }

    private static FileHeader read(String json) throws IOException {
        return new FrameReader(new ByteArrayInputStream(TestSupport.frame(json)), TestSupport.LIMITS_64_KIB)
                .readFileHeader();
    }

    @Test
    void aHeaderWithoutExtensionsIsWrittenWithTheV1KeysAloneInTheV1Order() throws IOException {
        assertThat(json(FileHeader.ofFile("a.txt", 0644, 3)))
                .isEqualTo("{\"is_compressed\":false,\"file_name\":\"a.txt\",\"permissions\":33188,\"file_len\":3}");
    }

    @Test
    void everyExtensionKeyComesBackAsItWasSent() throws IOException {
        FileHeader header = FileHeader.ofFile("big.iso", 0600, 1000).withAck()
                .with(new Extensions(true, 0, "1000-1700000000000000000", true)).from(400);

        FileHeader read = read(json(header));

        assertThat(read).isEqualTo(header);
        assertThat(read.fileLen()).isEqualTo(600);
        assertThat(read.extensions().offset()).isEqualTo(400);
        assertThat(read.totalLength()).isEqualTo(1000);
        assertThat(json(header)).contains("\"digest\":\"sha256\"", "\"offset\":400",
                "\"version\":\"1000-1700000000000000000\"", "\"resumable\":true");
    }

    @Test
    void aV1HeaderReadsAsHavingNoExtensions() throws IOException {
        FileHeader read = read("{\"is_compressed\":false,\"file_name\":\"a\",\"permissions\":33188,\"file_len\":1}");

        assertThat(read.extensions()).isEqualTo(Extensions.NONE);
    }

    @Test
    void aDigestOtherThanSha256IsRefusedSinceItsTrailerCouldNotBeRead() {
        assertThatThrownBy(() -> read("{\"is_compressed\":false,\"file_name\":\"a\",\"permissions\":33188,"
                + "\"file_len\":1,\"digest\":\"md5\"}"))
                .isInstanceOf(MalformedHeaderException.class).hasMessageContaining("'digest'");
    }

    @Test
    void aNegativeOrFractionalOffsetIsRefused() {
        assertThatThrownBy(() -> read("{\"is_compressed\":false,\"file_name\":\"a\",\"permissions\":33188,"
                + "\"file_len\":1,\"offset\":-5}")).isInstanceOf(MalformedHeaderException.class);
        assertThatThrownBy(() -> read("{\"is_compressed\":false,\"file_name\":\"a\",\"permissions\":33188,"
                + "\"file_len\":1,\"offset\":1.5}")).isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void anOffsetPastTheEndOfTheFileIsNotAHeaderThatCanBeMade() {
        assertThatThrownBy(() -> FileHeader.ofFile("a", 0644, 10).from(11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FileHeader.ofFile("a", 0644, 10).from(10).fileLen()).isZero();
    }
}
