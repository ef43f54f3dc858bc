package dev.fileserver.wire.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Control characters written so that a name stays on one line and shows what it holds. */
class ControlCharactersTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("evil\nspoofed.txt", "evil\\nspoofed.txt"),
                Arguments.of("a\rb", "a\\rb"),
                Arguments.of("tab\there", "tab\\there"),
                Arguments.of("bell\u0007", "bell\\x07"),
                Arguments.of("\u001b[31mred", "\\x1b[31mred"),
                Arguments.of("del\u007f", "del\\x7f"),
                Arguments.of("nul\u0000", "nul\\x00"),
                Arguments.of("plain.txt", "plain.txt"),
                Arguments.of("back\\slash", "back\\slash"),
                Arguments.of("naïve-日本", "naïve-日本"));
    }

    @ParameterizedTest(name = "{index}: shown as {1}")
    @MethodSource("names")
    void aNameIsShownOnOneLineAndOtherNamesAsTheyAre(String name, String shown) {
        assertThat(ControlCharacters.escape(name)).isEqualTo(shown);
        assertThat(ControlCharacters.presentIn(name)).isEqualTo(!name.equals(shown));
    }
}
