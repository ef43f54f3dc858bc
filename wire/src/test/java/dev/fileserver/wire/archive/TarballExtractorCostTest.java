package dev.fileserver.wire.archive;

import static dev.fileserver.wire.support.TestSupport.nestedFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * What an extraction costs on disk, counted in steps through the sink's folders (each one or two
 * system calls), not timed: a chain of nested folders, which once cost the cube of its depth,
 * costs steps in proportion to its entries.
 */
class TarballExtractorCostTest {

    private static final TarballLimits DEEP_ENOUGH = new TarballLimits(1 << 20, 10_000).withPathLimits(5_000, 20_000);

    @TempDir
    Path temp;

    static Stream<Arguments> ways() {
        return Stream.of(
                Arguments.of("through open directories", (LocalFolderSink.Opener) FolderHandle::open),
                Arguments.of("by paths checked level by level", (LocalFolderSink.Opener) PlainFolder::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void twiceAsDeepAChainOfFoldersTakesTwiceTheStepsNotEightTimes(String way, LocalFolderSink.Opener opener)
            throws IOException {
        long thousand = stepsToExtract(nestedFolders("t", 1_000), opener, "1000");
        long twoThousand = stepsToExtract(nestedFolders("t", 2_000), opener, "2000");

        assertThat(twoThousand).as("steps for 2,000 levels against %d for 1,000", thousand)
                .isLessThanOrEqualTo(thousand * 21 / 10);
        assertThat(twoThousand).as("steps per level").isLessThan(10L * 2_000);
    }

    @Test
    void onLinuxEntriesAreCreatedRelativeToAnOpenDirectory() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));

        try (FolderHandle root = FolderHandle.open(temp.toRealPath())) {
            assertThat(root).isInstanceOf(SecureFolder.class);
        }
    }

    /** Extracts {@code archive} into a fresh folder; the steps taken, checking the deepest file landed. */
    private long stepsToExtract(byte[] archive, LocalFolderSink.Opener opener, String folderName) throws IOException {
        Path into = Files.createDirectory(temp.resolve(folderName)).toRealPath();
        AtomicLong steps = new AtomicLong();
        try (LocalFolderSink sink = new LocalFolderSink(into, folder -> new CountingFolder(opener.open(folder), steps))) {
            new TarballExtractor(DEEP_ENOUGH).extract(new ByteArrayInputStream(archive), sink);
        }
        assertThat(into.resolve("t")).isDirectory();
        // JUnit's own clean-up resolves the real path of every folder, which at this depth takes minutes
        RecursiveDelete.delete(into);
        return steps.get();
    }
}
