package dev.fileserver.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Confinement by the letters of a path, the same for every backend. */
class StoragePathTest {

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "''|''", "a|a", "a/b|a/b", "a//b/|a/b", "./a/./b|a/b", "a/../b|b", "a/b/..|a", "a/..|''",
            "...|...", "a\\..\\b|a\\..\\b", "' a '|' a '", "é/ü|é/ü"})
    void aPathThatStaysInsideIsFoldedToItsPlainParts(String clientPath, String expected) {
        assertThat(StoragePath.parse(clientPath).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"..", "../x", "a/../..", "a/../../b", "/", "/etc/passwd", "//x", "a\0b"})
    void aPathThatLeavesTheRootOrIsAbsoluteIsRefused(String clientPath) {
        assertThatThrownBy(() -> StoragePath.parse(clientPath)).isInstanceOf(PathOutsideRootException.class);
    }

    @ParameterizedTest(name = "''{0}'' is not a plain name")
    @ValueSource(strings = {"", ".", "..", "a/b", "a\0", ".fileserver-tmp-x"})
    void aChildMustHaveAPlainName(String name) {
        assertThatThrownBy(() -> StoragePath.ROOT.child(name)).isInstanceOf(InvalidNameException.class);
    }

    @org.junit.jupiter.api.Test
    void theRootIsEmptyAndHasNoName() {
        assertThat(StoragePath.parse(null).isRoot()).isTrue();
        assertThat(StoragePath.parse("a/b").parent()).isEqualTo(StoragePath.parse("a"));
        assertThat(StoragePath.parse("a/b").name()).isEqualTo("b");
        assertThat(StoragePath.parse("a/b").startsWith(StoragePath.parse("a"))).isTrue();
        assertThat(StoragePath.parse("ab").startsWith(StoragePath.parse("a"))).isFalse();
    }
}
