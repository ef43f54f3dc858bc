package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.wire.support.TestSupport.HostileTarball;

/** An extraction nobody wants any more stops between entries, and in the middle of a long file. */
class TarballExtractorStopTest {

    @TempDir
    Path temp;

    /** Says "stop" from its {@code n}th question on; counts the questions. */
    private static final class StopAfter implements BooleanSupplier {

        final AtomicInteger asked = new AtomicInteger();

        private final int n;

        StopAfter(int n) {
            this.n = n;
        }

        @Override
        public boolean getAsBoolean() {
            return asked.incrementAndGet() >= n;
        }
    }

    @Test
    void anExtractionStoppedBeforeItsFirstEntryHandsNothingToTheSink() throws IOException {
        byte[] archive = new HostileTarball().folder("a").file("a/1", "1").toBytes();
        MemorySink sink = MemorySink.storingLinks();

        assertThatThrownBy(() -> new TarballExtractor(new TarballLimits(MIB, 10), () -> true)
                .extract(new ByteArrayInputStream(archive), sink)).isInstanceOf(ExtractionStoppedException.class);
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void aLongFileStopsWithinAChunkOfTheMomentItIsNoLongerWanted() throws IOException {
        byte[] archive = new HostileTarball().file("big/zeros", new byte[32 * MIB]).toBytes();
        StopAfter stop = new StopAfter(4);

        assertThatThrownBy(() -> new TarballExtractor(new TarballLimits(64L * MIB, 10), stop)
                .extract(new ByteArrayInputStream(archive), temp)).isInstanceOf(ExtractionStoppedException.class);
        assertThat(Files.size(temp.resolve("big/zeros"))).as("bytes written before the stop").isLessThan(MIB);
    }

    @Test
    void anExtractionStillWantedAsksAsItGoesAndFinishes() throws IOException {
        byte[] archive = new HostileTarball().folder("a").file("a/1", new byte[MIB]).file("a/2", "2").toBytes();
        StopAfter never = new StopAfter(Integer.MAX_VALUE);

        assertThat(new TarballExtractor(new TarballLimits(64L * MIB, 10), never)
                .extract(new ByteArrayInputStream(archive), temp)).containsExactly("a");
        assertThat(never.asked.get()).as("questions for three entries and a MiB of content").isGreaterThan(4);
    }
}
