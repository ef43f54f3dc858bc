package dev.fileserver.client.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    final AtomicLong now = new AtomicLong();

    final ByteArrayOutputStream drawn = new ByteArrayOutputStream();

    final ProgressBar bar = new ProgressBar(new PrintStream(drawn, true, StandardCharsets.UTF_8), now::get);

    @Test
    void aTransferThatEndsWithinAMomentDrawsNothing() {
        bar.started("quick.txt", 100);
        now.addAndGet(Duration.ofMillis(100).toNanos());
        bar.advanced(100);
        bar.finished();

        assertThat(drawn.size()).isZero();
    }

    @Test
    void aLongerTransferShowsBytesPercentRateAndEtaThenErasesItself() {
        bar.started("big.iso", 4L << 20);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        bar.advanced(1L << 20);

        String line = drawn.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("\rbig.iso [======>").contains("1.0 MiB / 4.0 MiB  25% 1.0 MiB/s ETA 3.0 s");

        bar.finished();
        assertThat(drawn.toString(StandardCharsets.UTF_8)).endsWith("\r\u001b[K");
    }

    @Test
    void theSummaryLineGivesSizeTimeAndRate() {
        TransferSummary summary = new TransferSummary("Downloaded", "photos", "to ./photos", 3L << 30,
                Duration.ofSeconds(6));

        assertThat(summary.line()).isEqualTo("Downloaded 'photos' to ./photos: 3.0 GiB in 6.0 s (512.0 MiB/s)");
    }
}
