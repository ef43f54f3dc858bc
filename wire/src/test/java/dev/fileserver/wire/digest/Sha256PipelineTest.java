package dev.fileserver.wire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pipeline's digest is the digest of the bytes in the order given, however they were cut. */
class Sha256PipelineTest {

    @Test
    void aStreamCutInUnevenPiecesOverManyBlocksHashesAsOneWhole() {
        byte[] content = new byte[Sha256Pipeline.BLOCK_BYTES * 9 + 12_345];
        new Random(3).nextBytes(content);
        Sha256Pipeline pipeline = Sha256Pipeline.start();
        Random cuts = new Random(4);
        for (int at = 0; at < content.length;) {
            int length = Math.min(content.length - at, 1 + cuts.nextInt(200_000));
            pipeline.update(content, at, length);
            at += length;
        }

        assertThat(pipeline.hex()).isEqualTo(Sha256.of(content)).isEqualTo(pipeline.hex());
    }

    @Test
    void aShortStreamIsHashedInPlaceAndAPrimedDigestGoesOnFromWhereItWas() {
        byte[] content = "the first part|the rest".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageDigest primed = Sha256.start();
        primed.update(content, 0, 15);
        Sha256Pipeline pipeline = new Sha256Pipeline(primed);

        pipeline.update(content, 15, content.length - 15);

        assertThat(pipeline.hex()).isEqualTo(Sha256.of(content));
    }

    @Test
    void directBuffersMixedWithArraysHashAsOneWholeAndKeepTheirPositions() {
        byte[] content = new byte[Sha256Pipeline.BLOCK_BYTES * 3 + 777];
        new Random(5).nextBytes(content);
        Sha256Pipeline pipeline = Sha256Pipeline.start();
        ByteBuffer direct = ByteBuffer.allocateDirect(300_000);
        Random cuts = new Random(6);
        for (int at = 0; at < content.length;) {
            int length = Math.min(content.length - at, 1 + cuts.nextInt(direct.capacity()));
            if (cuts.nextBoolean()) {
                direct.clear().put(content, at, length).flip();
                pipeline.update(direct);
                assertThat(direct.remaining()).isEqualTo(length);
            }
            else {
                pipeline.update(content, at, length);
            }
            at += length;
        }

        assertThat(pipeline.hex()).isEqualTo(Sha256.of(content));
    }

    @Test
    void nothingHashedIsTheDigestOfNothing() {
        assertThat(Sha256Pipeline.start().hex()).isEqualTo(Sha256.of(new byte[0]));
    }
}
