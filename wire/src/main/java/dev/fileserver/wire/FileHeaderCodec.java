package dev.fileserver.wire;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON of a file frame header. Reading is strict about the four v1 keys (type and range) and
 * about the extension keys we know, and ignores any other key, as a v1 peer does. A header without
 * extensions is written with the v1 keys alone, in the v1 order.
 * <p>
 * Jackson's streaming parser and generator, not its object mapper: a header is a handful of
 * scalars, and building a mapper costs a one-shot client command (an upload, a download) a tenth
 * of a second of its start.
 */
final class FileHeaderCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private static final String COMPRESSED = "is_compressed";

    private static final String FILE_NAME = "file_name";

    private static final String PERMISSIONS = "permissions";

    private static final String FILE_LEN = "file_len";

    private static final String ACK = "ack";

    private static final String DIGEST = "digest";

    private static final String SHA256 = "sha256";

    private static final String OFFSET = "offset";

    private static final String VERSION = "version";

    private static final String RESUMABLE = "resumable";

    private FileHeaderCodec() {
    }

    static byte[] encode(FileHeader header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartObject();
            json.writeBooleanProperty(COMPRESSED, header.compressed());
            json.writeStringProperty(FILE_NAME, header.fileName());
            json.writeNumberProperty(PERMISSIONS, header.permissions());
            json.writeNumberProperty(FILE_LEN, header.fileLen());
            if (header.ack()) {
                json.writeBooleanProperty(ACK, true);
            }
            FileHeader.Extensions extensions = header.extensions();
            if (extensions.sha256Trailer()) {
                json.writeStringProperty(DIGEST, SHA256);
            }
            if (extensions.offset() > 0) {
                json.writeNumberProperty(OFFSET, extensions.offset());
            }
            if (!extensions.version().isEmpty()) {
                json.writeStringProperty(VERSION, extensions.version());
            }
            if (extensions.resumable()) {
                json.writeBooleanProperty(RESUMABLE, true);
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    static FileHeader decode(byte[] json) throws MalformedHeaderException {
        Map<String, Member> root = members(json);
        Member compressed = root.get(COMPRESSED);
        Member name = root.get(FILE_NAME);
        Member permissions = root.get(PERMISSIONS);
        Member length = root.get(FILE_LEN);
        if (compressed == null || !compressed.isBoolean()) {
            throw new MalformedHeaderException("'is_compressed' must be true or false");
        }
        if (name == null || !name.isString() || name.text().isEmpty()) {
            throw new MalformedHeaderException("'file_name' must be a non-empty string");
        }
        if (permissions == null || !permissions.isLong() || permissions.number() < 0
                || permissions.number() > Integer.MAX_VALUE) {
            throw new MalformedHeaderException("'permissions' must be a non-negative integer");
        }
        if (length == null || !length.isLong() || length.number() < 0) {
            throw new MalformedHeaderException("'file_len' must be a non-negative integer");
        }
        Member ack = root.get(ACK);
        return new FileHeader(compressed.isTrue(), name.text(), (int) permissions.number(), length.number(),
                ack != null && ack.isTrueish(), extensions(root));
    }

    private static FileHeader.Extensions extensions(Map<String, Member> root) throws MalformedHeaderException {
        Member digest = root.get(DIGEST);
        Member offset = root.get(OFFSET);
        Member version = root.get(VERSION);
        Member resumable = root.get(RESUMABLE);
        // a digest we cannot check would leave its trailer to be read as the next request
        if (digest != null && !(digest.isString() && SHA256.equals(digest.text()))) {
            throw new MalformedHeaderException("'digest' must be \"sha256\"");
        }
        if (offset != null && (!offset.isLong() || offset.number() < 0)) {
            throw new MalformedHeaderException("'offset' must be a non-negative integer");
        }
        if (version != null && !version.isString()) {
            throw new MalformedHeaderException("'version' must be a string");
        }
        if (resumable != null && !resumable.isBoolean()) {
            throw new MalformedHeaderException("'resumable' must be true or false");
        }
        return new FileHeader.Extensions(digest != null, offset == null ? 0 : offset.number(),
                version == null ? "" : version.text(), resumable != null && resumable.isTrue());
    }

    /**
     * The members of the one JSON object that {@code json} holds, by name (the last of a repeated
     * name, as the v1 peers' JSON reads it); an object or array value is skipped and kept only as
     * its kind, which no key we read accepts.
     */
    private static Map<String, Member> members(byte[] json) throws MalformedHeaderException {
        Map<String, Member> members = new HashMap<>();
        boolean object;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            object = first == JsonToken.START_OBJECT;
            if (object) {
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    members.put(name, Member.read(parser, parser.nextToken()));
                }
            }
            else if (first != null) {
                // read to the end all the same: JSON that is not even valid is told as such
                parser.skipChildren();
            }
            if (first != null && parser.nextToken() != null) {
                throw new MalformedHeaderException("not valid JSON");
            }
        }
        catch (JacksonException e) {
            throw new MalformedHeaderException("not valid JSON");
        }
        if (!object) {
            throw new MalformedHeaderException("not a JSON object");
        }
        return members;
    }

    /** A member's value: its kind, and the text of a string or the value of an integer within a long. */
    private record Member(JsonToken token, String text, long number, boolean isLong) {

        static Member read(JsonParser parser, JsonToken token) {
            return switch (token) {
                case VALUE_STRING -> new Member(token, parser.getString(), 0, false);
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT, LONG -> new Member(token, null, parser.getLongValue(), true);
                    default -> new Member(token, null, 0, false);
                };
                case START_OBJECT, START_ARRAY -> {
                    parser.skipChildren();
                    yield new Member(token, null, 0, false);
                }
                default -> new Member(token, null, 0, false);
            };
        }

        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

        boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }

        boolean isTrue() {
            return token == JsonToken.VALUE_TRUE;
        }

        /** As the header has always read {@code ack}: true, a non-zero integer, or exactly the text "true". */
        boolean isTrueish() {
            return isTrue() || (token == JsonToken.VALUE_NUMBER_INT && (!isLong || number != 0))
                    || (isString() && "true".equals(text));
        }
    }
}
