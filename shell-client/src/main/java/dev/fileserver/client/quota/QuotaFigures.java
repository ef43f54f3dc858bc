package dev.fileserver.client.quota;

import java.util.HashMap;
import java.util.Map;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ExtensionMissingException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;

/**
 * {@code /quota [PATH]} (the {@code quota} extension): what the quota PATH falls under holds and
 * allows, and the free space of the server's disk, as the server's one frame of {@code KEY VALUE}
 * lines after its {@code ok} gives them. A limit or a free space the server does not have is null.
 *
 * @param scope the folder whose quota it is; empty for the whole server's
 */
public record QuotaFigures(long bytesUsed, Long bytesLimit, long filesUsed, Long filesLimit, Long diskFree,
        String scope) {

    private static final String NONE = "none";

    public static QuotaFigures fetch(ServerChannel channel, String path) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().offered().contains("quota"), "df", "quota");
        channel.request("/quota", path);
        try {
            return parse(channel.receive());
        }
        catch (IllegalArgumentException e) {
            throw new RemoteException("Error: the server answered quota with what cannot be read: " + e.getMessage());
        }
    }

    static QuotaFigures parse(String reply) {
        Map<String, String> values = new HashMap<>();
        for (String line : reply.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return new QuotaFigures(Long.parseLong(required(values, "bytes-used")), limit(values, "bytes-limit"),
                Long.parseLong(required(values, "files-used")), limit(values, "files-limit"),
                limit(values, "disk-free"), values.getOrDefault("scope", ""));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static Long limit(Map<String, String> values, String key) {
        String value = required(values, key);
        return value.equals(NONE) ? null : Long.valueOf(value);
    }

    /** What may still be stored in bytes; null without a limit. */
    public Long bytesLeft() {
        return bytesLimit == null ? null : Math.max(0, bytesLimit - bytesUsed);
    }

    public Long filesLeft() {
        return filesLimit == null ? null : Math.max(0, filesLimit - filesUsed);
    }
}
