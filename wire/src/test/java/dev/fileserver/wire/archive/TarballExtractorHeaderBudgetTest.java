package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * commons-compress gathers a GNU long name or a PAX header in memory whatever size it claims, so a
 * few KiB of gzip could ask for gigabytes before the first entry is seen: headers have a budget.
 */
class TarballExtractorHeaderBudgetTest {

    @TempDir
    Path target;

    static final int BOMB = 8 * 1024 * 1024;

    @Test
    void aLongNameOfManyMegabytesIsRefusedBeforeItIsGathered() throws IOException {
        byte[] bomb = rawTarball("././@LongLink", 'L', "a".repeat(BOMB));
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> extract(bomb))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("header is larger than allowed");
    }

    @Test
    void aPaxHeaderOfManyMegabytesIsRefusedBeforeItIsGathered() throws IOException {
        String value = "x".repeat(BOMB);
        String record = " comment=" + value + "\n";
        int length = record.length() + 7;  // the decimal length counts its own 7 digits
        byte[] bomb = rawTarball("PaxHeaders/file.txt", 'x', length + record);
        assertThatThrownBy(() -> extract(bomb))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("header is larger than allowed");
    }

    @Test
    void ordinaryLongNamesStillExtract() throws IOException {
        String name = "folder/" + "n".repeat(200) + "/" + "m".repeat(200) + ".txt";
        extract(tarball(TarArchiveOutputStream.LONGFILE_GNU, name, Map.of()));
        assertThat(target.resolve(name)).hasContent("content");
    }

    private void extract(byte[] tarball) throws IOException {
        new TarballExtractor(new TarballLimits(1L << 30, 1000)).extract(new ByteArrayInputStream(tarball), target);
    }

    /**
     * One header record of type {@code type} followed by {@code content}, then a small file: written
     * by hand, since commons-compress takes minutes to encode an 8 MiB name.
     */
    private static byte[] rawTarball(String name, char type, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            byte[] body = content.getBytes(StandardCharsets.US_ASCII);
            gzip.write(header(name, type, body.length));
            gzip.write(body);
            gzip.write(new byte[(512 - body.length % 512) % 512]);
            gzip.write(header("file.txt", '0', 0));
            gzip.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, char type, long size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "00000000000");
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, header, offset, ascii.length);
    }

    private static byte[] tarball(int longFileMode, String name, Map<String, String> paxHeaders) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(longFileMode);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            paxHeaders.forEach(entry::addPaxHeader);
            byte[] content = "content".getBytes();
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
