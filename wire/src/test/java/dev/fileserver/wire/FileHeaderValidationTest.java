package dev.fileserver.wire;

import static dev.fileserver.wire.support.TestSupport.concat;
import static dev.fileserver.wire.support.TestSupport.frame;
import static dev.fileserver.wire.support.TestSupport.streamOf;
import static dev.fileserver.wire.support.TestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileHeaderValidationTest {

    private static FileHeader read(String json) throws IOException {
        return new FrameReader(streamOf(frame(json)), FrameLimits.DEFAULT).readFileHeader();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "",
            "not json",
            "{\"is_compressed\": false, \"file_name\": \"a\"",
            "{'is_compressed': false, 'file_name': 'a', 'permissions': 33188, 'file_len': 1}",
            "[]",
            "[{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1}]",
            "\"a.txt\"",
            "42",
            "null",
            "true",
            "{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1} {}",
            "{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1} x"})
    void aHeaderThatIsNotAJsonObjectIsMalformed(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedHeaderException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1}",
            "{\"is_compressed\": false, \"permissions\": 33188, \"file_len\": 1}",
            "{\"is_compressed\": false, \"file_name\": \"a\", \"file_len\": 1}",
            "{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188}",
            "{}"})
    void aHeaderMissingAV1KeyIsMalformed(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedHeaderException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"is_compressed\": \"false\", \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": 0, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": null, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": 5, \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": null, \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": [\"a\"], \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"\", \"permissions\": 33188, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": \"33188\", \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188.5, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": -1, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 2147483648, \"file_len\": 1",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": \"1\"",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1.5",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 1e3",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": true",
            "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": null"})
    void aV1KeyOfTheWrongTypeIsMalformed(String members) {
        assertThatThrownBy(() -> read("{" + members + "}")).isInstanceOf(MalformedHeaderException.class);
    }

    @ParameterizedTest(name = "file_len {0}")
    @ValueSource(strings = {"-1", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
            "99999999999999999999999999"})
    void aFileLenThatIsNegativeOrBeyondALongIsMalformed(String fileLen) {
        String json = "{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": "
                + fileLen + "}";

        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void theLargestLongIsAnAcceptableFileLen() throws IOException {
        FileHeader header = read("{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, "
                + "\"file_len\": 9223372036854775807}");

        assertThat(header.fileLen()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aHeaderAsTheV1PythonClientWritesItIsRead() throws IOException {
        FileHeader header = read("{\"is_compressed\": true, \"file_name\": \"photos.tar.gz\", "
                + "\"permissions\": 16877, \"file_len\": 10240}");

        assertThat(header).isEqualTo(new FileHeader(true, "photos.tar.gz", 040755, 10240, false));
        assertThat(header.directoryName()).isEqualTo("photos");
        assertThat(header.accessBits()).isEqualTo(0755);
    }

    @Test
    void unknownExtraKeysAreIgnored() throws IOException {
        FileHeader header = read("{\"checksum\": \"sha256:00ff\", \"is_compressed\": false, \"mtime\": 1.7e9, "
                + "\"file_name\": \"a.txt\", \"nested\": {\"list\": [1, null, \"x\"]}, \"permissions\": 33152, "
                + "\"file_len\": 3, \"file_name_2\": 5}");

        assertThat(header).isEqualTo(new FileHeader(false, "a.txt", 0100600, 3, false));
    }

    @Test
    void whitespaceAroundTheObjectIsAllowed() throws IOException {
        FileHeader header = read(" {\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, "
                + "\"file_len\": 1}\n");

        assertThat(header).isEqualTo(new FileHeader(false, "a", 0100644, 1, false));
    }

    @Test
    void aRepeatedKeyTakesItsLastValueAsPythonsJsonDoes() throws IOException {
        FileHeader header = read("{\"is_compressed\": false, \"file_name\": \"first\", \"permissions\": 33188, "
                + "\"file_len\": 1, \"file_name\": \"last\"}");

        assertThat(header.fileName()).isEqualTo("last");
    }

    @Test
    void theAckExtensionIsReadWhenPresentAndOffWhenAbsent() throws IOException {
        String base = "\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 0";

        assertThat(read("{" + base + ", \"ack\": true}").ack()).isTrue();
        assertThat(read("{" + base + ", \"ack\": false}").ack()).isFalse();
        assertThat(read("{" + base + "}").ack()).isFalse();
    }

    /** Every value of {@code ack} as the header has always read it (Jackson's lenient {@code asBoolean}). */
    static Stream<Arguments> ackValues() {
        return Stream.of(arguments("true", true), arguments("false", false), arguments("1", true),
                arguments("0", false), arguments("-0", false), arguments("-1", true),
                arguments("99999999999999999999", true), arguments("\"true\"", true), arguments("\" true\"", false),
                arguments("\"TRUE\"", false), arguments("\"yes\"", false), arguments("null", false),
                arguments("1.5", false), arguments("{\"a\": [1, {\"b\": true}]}", false), arguments("[true]", false));
    }

    @ParameterizedTest(name = "ack {0}")
    @MethodSource("ackValues")
    void theAckExtensionIsReadLeniently(String value, boolean ack) throws IOException {
        assertThat(read("{\"is_compressed\": false, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 0, "
                + "\"ack\": " + value + "}").ack()).isEqualTo(ack);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[1", "42 x", "\"a\" x", "{\"is_compressed\": false} {}", "{\"a\": [1, 2}", "[{\"a\": 1]"})
    void jsonThatIsNotValidIsToldAsSuch(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedHeaderException.class)
                .hasMessageEndingWith("not valid JSON");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "[]", "42", "\"a\"", "null", "[{\"a\": 1}]"})
    void validJsonThatIsNotAnObjectIsToldAsSuch(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedHeaderException.class)
                .hasMessageEndingWith("not a JSON object");
    }

    @Test
    void aNestedValueOfAnUnknownKeyMustStillBeValidUtf8() {
        byte[] json = concat(utf8("{\"is_compressed\": false, \"nested\": {\"x\": [\"caf"), new byte[] {(byte) 0xE9},
                utf8("\"]}, \"file_name\": \"a\", \"permissions\": 33188, \"file_len\": 0}"));

        assertThatThrownBy(() -> new FrameReader(streamOf(frame(json)), FrameLimits.DEFAULT).readFileHeader())
                .isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void aHeaderThatIsNotUtf8IsMalformedRatherThanMisread() {
        byte[] json = concat(utf8("{\"is_compressed\": false, \"file_name\": \"caf"), new byte[] {(byte) 0xE9},
                utf8("\", \"permissions\": 33188, \"file_len\": 0}"));

        assertThatThrownBy(() -> new FrameReader(streamOf(frame(json)), FrameLimits.DEFAULT).readFileHeader())
                .isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void aMalformedHeaderIsAProtocolError() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(ProtocolException.class);
    }
}
