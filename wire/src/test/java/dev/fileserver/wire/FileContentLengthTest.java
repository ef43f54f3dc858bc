package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.concat;
import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static dev.fileserver.wire.support.TestSupport.streamOf;
import static dev.fileserver.wire.support.TestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FileContentLengthTest {

    private static byte[] headerAnnouncing(long fileLen) {
        return frame(utf8("{\"is_compressed\": false, \"file_name\": \"a.bin\", \"permissions\": 33188, \"file_len\": "
                + fileLen + "}"));
    }

    @Test
    void contentThatEndsBeforeFileLenFailsTheCopyAsTruncated() throws IOException {
        FrameReader reader = new FrameReader(streamOf(headerAnnouncing(1000), randomBytes(999, 1)), FrameLimits.DEFAULT);
        FileHeader header = reader.readFileHeader();

        assertThatThrownBy(() -> reader.copyContent(header, OutputStream.nullOutputStream()))
                .isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("999 of 1000");
    }

    @Test
    void contentThatEndsBeforeFileLenFailsAReaderOfTheContentStream() throws IOException {
        FrameReader reader = new FrameReader(streamOf(headerAnnouncing(100_000), randomBytes(70_000, 2)),
                FrameLimits.DEFAULT);
        FileHeader header = reader.readFileHeader();

        try (InputStream content = reader.content(header)) {
            assertThatThrownBy(content::readAllBytes).isInstanceOf(TruncatedFrameException.class);
        }
    }

    @Test
    void contentMissingEntirelyIsTruncated() throws IOException {
        FrameReader reader = new FrameReader(streamOf(headerAnnouncing(1)), FrameLimits.DEFAULT);
        FileHeader header = reader.readFileHeader();

        assertThatThrownBy(() -> reader.content(header).read()).isInstanceOf(TruncatedFrameException.class);
    }

    @Test
    void writingAFileWhoseSourceEndsBeforeFileLenFails() {
        FileHeader header = FileHeader.ofFile("shrunk.bin", 0644, 1000);
        FrameWriter writer = new FrameWriter(new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.writeFile(header, new ByteArrayInputStream(randomBytes(999, 3))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shrunk.bin")
                .hasMessageContaining("999 of 1000");
    }

    @Test
    void writingAFileFromAnEmptySourceFailsWhenContentWasAnnounced() {
        FrameWriter writer = new FrameWriter(new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.writeFile(FileHeader.ofFile("gone.bin", 0644, 1), InputStream.nullInputStream()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void writingAFileSendsNeverMoreThanHeaderPlusFileLenBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileHeader header = FileHeader.ofFile("a.bin", 0644, 10);
        byte[] source = randomBytes(50, 4);

        new FrameWriter(out).writeFile(header, new ByteArrayInputStream(source));

        ByteArrayOutputStream headerOnly = new ByteArrayOutputStream();
        new FrameWriter(headerOnly).writeFileHeader(header);
        assertThat(out.toByteArray()).isEqualTo(concat(headerOnly.toByteArray(), Arrays.copyOf(source, 10)));
    }

}
