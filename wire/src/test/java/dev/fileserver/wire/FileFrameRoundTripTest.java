package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static dev.fileserver.wire.support.TestSupport.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class FileFrameRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON object of the first frame in {@code bytes}, checked against its length header. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> headerJson(byte[] bytes) {
        int length = ByteBuffer.wrap(bytes, 0, 4).getInt();
        assertThat(bytes.length).isGreaterThanOrEqualTo(4 + length);
        return JSON.readValue(Arrays.copyOfRange(bytes, 4, 4 + length), Map.class);
    }

    private static byte[] headerFrame(FileHeader header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out).writeFileHeader(header);
        return out.toByteArray();
    }

    @Test
    void aFileHeaderCarriesExactlyTheFourV1KeysInTheV1Order() throws IOException {
        Map<String, Object> json = headerJson(headerFrame(FileHeader.ofFile("notes.txt", 0644, 5)));

        assertThat(json).containsExactly(
                entry("is_compressed", false),
                entry("file_name", "notes.txt"),
                entry("permissions", 33188),
                entry("file_len", 5));
    }

    @Test
    void aDirectoryHeaderNamesTheTarballAndCarriesTheDirectoryTypeBits() throws IOException {
        Map<String, Object> json = headerJson(headerFrame(FileHeader.ofDirectory("photos", 0750, 1234)));

        assertThat(json).containsOnly(
                entry("is_compressed", true),
                entry("file_name", "photos.tar.gz"),
                entry("permissions", 040750),
                entry("file_len", 1234));
    }

    @Test
    void theAckKeyIsSentOnlyWhenAnAcknowledgementIsWanted() throws IOException {
        FileHeader header = FileHeader.ofFile("a.bin", 0600, 0);

        assertThat(headerJson(headerFrame(header))).doesNotContainKey("ack");
        assertThat(headerJson(headerFrame(header.withAck()))).containsEntry("ack", true).hasSize(5);
    }

    @Test
    void aLengthBeyondFourGibibytesIsWrittenAsAPlainJsonInteger() throws IOException {
        Map<String, Object> json = headerJson(headerFrame(FileHeader.ofFile("huge.iso", 0644, 5_000_000_000L)));

        assertThat(json).containsEntry("file_len", 5_000_000_000L);
    }

    @Test
    void aFileFrameRoundTripsItsHeaderAndCopiesItsContentExactly() throws IOException {
        byte[] content = randomBytes(200_000, 1);
        FileHeader header = FileHeader.ofFile("naïve-日本.bin", 0640, content.length).withAck();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.writeFile(header, new ByteArrayInputStream(content));
        writer.writeText("next");

        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.DEFAULT);
        FileHeader received = reader.readFileHeader();
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        long count = reader.copyContent(received, copied);

        assertThat(received).isEqualTo(header);
        assertThat(count).isEqualTo(content.length);
        assertThat(copied.toByteArray()).isEqualTo(content);
        assertThat(reader.readText()).as("the frame after the content").isEqualTo("next");
    }

    @Test
    void theContentStreamEndsExactlyAtFileLenAndLeavesTheNextFrameUnread() throws IOException {
        byte[] content = randomBytes(70_000, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.writeFile(FileHeader.ofFile("a.bin", 0644, content.length), new ByteArrayInputStream(content));
        writer.writeText("ok");

        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.DEFAULT);
        FileHeader header = reader.readFileHeader();
        byte[] read;
        try (InputStream body = reader.content(header)) {
            read = body.readAllBytes();
            assertThat(body.read()).isEqualTo(-1);
        }

        assertThat(read).isEqualTo(content);
        assertThat(reader.readText()).isEqualTo("ok");
    }

    @Test
    void anEmptyFileFrameHasAHeaderAndNoContent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.writeFile(FileHeader.ofFile("empty.txt", 0644, 0), InputStream.nullInputStream());
        writer.writeText("after");

        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.DEFAULT);
        FileHeader header = reader.readFileHeader();

        assertThat(header.fileLen()).isZero();
        assertThat(reader.copyContent(header, OutputStream.nullOutputStream())).isZero();
        assertThat(reader.readText()).isEqualTo("after");
    }

    @Test
    void aSourceLongerThanFileLenIsCutAtFileLen() throws IOException {
        byte[] source = randomBytes(1000, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.writeFile(FileHeader.ofFile("a.bin", 0644, 600), new ByteArrayInputStream(source));
        writer.writeText("ok");

        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.DEFAULT);
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        reader.copyContent(reader.readFileHeader(), copied);

        assertThat(copied.toByteArray()).isEqualTo(Arrays.copyOf(source, 600));
        assertThat(reader.readText()).isEqualTo("ok");
    }

    @Test
    void contentArrivingAFewBytesAtATimeIsStillCopiedWhole() throws IOException {
        byte[] content = randomBytes(5000, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.writeFile(FileHeader.ofFile("slow.bin", 0644, content.length), new ByteArrayInputStream(content));
        writer.writeText("ok");

        FrameReader reader = new FrameReader(trickle(out.toByteArray()), FrameLimits.DEFAULT);
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        reader.copyContent(reader.readFileHeader(), copied);

        assertThat(copied.toByteArray()).isEqualTo(content);
        assertThat(reader.readText()).isEqualTo("ok");
    }
}
