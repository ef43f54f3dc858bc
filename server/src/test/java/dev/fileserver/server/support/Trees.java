package dev.fileserver.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared tree helpers under their former name here, for the tests that still import them from
 * this package; every other test uses {@link dev.fileserver.testsupport.Trees} directly.
 */
public final class Trees {

    private Trees() {
    }

    public static Map<String, String> describe(Path folder) throws IOException {
        return dev.fileserver.testsupport.Trees.describe(folder);
    }

    /** Every path below {@code folder}, relative to it. */
    public static Stream<String> names(Path folder) throws IOException {
        return dev.fileserver.testsupport.Trees.descendants(folder).stream();
    }
}
