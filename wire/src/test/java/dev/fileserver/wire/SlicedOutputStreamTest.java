package dev.fileserver.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SlicedOutputStreamTest {

    @Test
    void aLargeWriteArrivesWholeAndInOrderInCallsOfAtMostOneSlice() throws IOException {
        byte[] content = new byte[3 * Transfer.NIO_SLICE + 17];
        new Random(5).nextBytes(content);
        List<Integer> calls = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                calls.add(length);
                super.write(bytes, offset, length);
            }
        };
        try (SlicedOutputStream out = new SlicedOutputStream(received)) {
            out.write(content, 0, 5);
            out.write(content, 5, content.length - 5);
        }
        assertThat(received.toByteArray()).isEqualTo(content);
        assertThat(calls).containsExactly(5, Transfer.NIO_SLICE, Transfer.NIO_SLICE, Transfer.NIO_SLICE, 12);
    }
}
