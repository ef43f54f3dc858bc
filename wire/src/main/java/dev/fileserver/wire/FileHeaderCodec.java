package dev.fileserver.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of a file frame header. Reading is strict about the four v1 keys (type and range) and
 * about the extension keys we know, and ignores any other key, as a v1 peer does. A header without
 * extensions is written with the v1 keys alone, in the v1 order.
 */
final class FileHeaderCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String DIGEST = "digest";

    private static final String SHA256 = "sha256";

    private static final String OFFSET = "offset";

    private static final String VERSION = "version";

    private static final String RESUMABLE = "resumable";

    private FileHeaderCodec() {
    }

    static byte[] encode(FileHeader header) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_compressed", header.compressed());
        json.put("file_name", header.fileName());
        json.put("permissions", header.permissions());
        json.put("file_len", header.fileLen());
        if (header.ack()) {
            json.put("ack", true);
        }
        FileHeader.Extensions extensions = header.extensions();
        if (extensions.sha256Trailer()) {
            json.put(DIGEST, SHA256);
        }
        if (extensions.offset() > 0) {
            json.put(OFFSET, extensions.offset());
        }
        if (!extensions.version().isEmpty()) {
            json.put(VERSION, extensions.version());
        }
        if (extensions.resumable()) {
            json.put(RESUMABLE, true);
        }
        return MAPPER.writeValueAsBytes(json);
    }

    static FileHeader decode(byte[] json) throws MalformedHeaderException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        }
        catch (JacksonException e) {
            throw new MalformedHeaderException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedHeaderException("not a JSON object");
        }
        JsonNode compressed = root.get("is_compressed");
        JsonNode name = root.get("file_name");
        JsonNode permissions = root.get("permissions");
        JsonNode length = root.get("file_len");
        if (compressed == null || !compressed.isBoolean()) {
            throw new MalformedHeaderException("'is_compressed' must be true or false");
        }
        if (name == null || !name.isString() || name.asString().isEmpty()) {
            throw new MalformedHeaderException("'file_name' must be a non-empty string");
        }
        if (permissions == null || !permissions.isIntegralNumber() || !permissions.canConvertToInt()
                || permissions.intValue() < 0) {
            throw new MalformedHeaderException("'permissions' must be a non-negative integer");
        }
        if (length == null || !length.isIntegralNumber() || !length.canConvertToLong() || length.longValue() < 0) {
            throw new MalformedHeaderException("'file_len' must be a non-negative integer");
        }
        JsonNode ack = root.get("ack");
        return new FileHeader(compressed.booleanValue(), name.asString(), permissions.intValue(),
                length.longValue(), ack != null && ack.asBoolean(false), extensions(root));
    }

    private static FileHeader.Extensions extensions(JsonNode root) throws MalformedHeaderException {
        JsonNode digest = root.get(DIGEST);
        JsonNode offset = root.get(OFFSET);
        JsonNode version = root.get(VERSION);
        JsonNode resumable = root.get(RESUMABLE);
        // a digest we cannot check would leave its trailer to be read as the next request
        if (digest != null && !(digest.isString() && SHA256.equals(digest.asString()))) {
            throw new MalformedHeaderException("'digest' must be \"sha256\"");
        }
        if (offset != null && (!offset.isIntegralNumber() || !offset.canConvertToLong() || offset.longValue() < 0)) {
            throw new MalformedHeaderException("'offset' must be a non-negative integer");
        }
        if (version != null && !version.isString()) {
            throw new MalformedHeaderException("'version' must be a string");
        }
        if (resumable != null && !resumable.isBoolean()) {
            throw new MalformedHeaderException("'resumable' must be true or false");
        }
        return new FileHeader.Extensions(digest != null, offset == null ? 0 : offset.longValue(),
                version == null ? "" : version.asString(), resumable != null && resumable.booleanValue());
    }
}
