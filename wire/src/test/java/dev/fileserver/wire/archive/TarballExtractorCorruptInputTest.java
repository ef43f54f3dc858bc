package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.wire.support.TestSupport.HostileTarball;
import dev.fileserver.wire.support.TestSupport.Sandbox;

class TarballExtractorCorruptInputTest {

    @TempDir
    Path temp;

    private Sandbox sandbox;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = Sandbox.in(temp);
    }

    @Test
    void bytesThatAreNotGzipAreRefused() throws IOException {
        assertThatThrownBy(() -> sandbox.extract(randomBytes(5000, 11))).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @Test
    void aPlainTarWithoutGzipIsRefused() throws IOException {
        byte[] gzip = new HostileTarball().file("a/b", "c").toBytes();
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();

        assertThatThrownBy(() -> sandbox.extract(tar)).isInstanceOf(UnsafeArchiveException.class);
    }

    @Test
    void gzipOfSomethingThatIsNotATarIsRefused() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(randomBytes(5000, 12));
        }

        assertThatThrownBy(() -> sandbox.extract(gzip.toByteArray())).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }

    @ParameterizedTest(name = "cut after {0}% of the bytes")
    @ValueSource(ints = {1, 25, 50, 75, 95})
    void aTruncatedArchiveIsRefused(int percent) throws IOException {
        byte[] whole = new HostileTarball().file("a/first", randomBytes(40_000, 13)).file("a/second", randomBytes(40_000, 14))
                .toBytes();

        byte[] truncated = Arrays.copyOf(whole, whole.length * percent / 100);

        assertThatThrownBy(() -> sandbox.extract(truncated)).isInstanceOf(UnsafeArchiveException.class);
        sandbox.assertNothingEscaped();
    }
}
