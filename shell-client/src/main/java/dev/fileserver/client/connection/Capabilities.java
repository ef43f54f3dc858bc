package dev.fileserver.client.connection;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Extensions the server offered in answer to {@code /capabilities}. A v1 server offers none: it
 * answers {@code ok} to a command it does not know.
 */
public record Capabilities(Set<String> offered) {

    public static final String REQUEST = "/capabilities";

    public static final Capabilities NONE = new Capabilities(Set.of());

    private static final String PREFIX = "capabilities ";

    public Capabilities {
        offered = Set.copyOf(offered);
    }

    /** Reads the server's single reply frame to {@link #REQUEST}. */
    public static Capabilities fromReply(String reply) {
        if (!reply.startsWith(PREFIX)) {
            return NONE;
        }
        return new Capabilities(Arrays.stream(reply.substring(PREFIX.length()).trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet()));
    }

    /** The server sends one status frame after storing an upload whose header asks for it. */
    public boolean uploadAck() {
        return offered.contains("ack");
    }

    /** SHA-256 trailers after a file frame's content, both ways (docs/PROTOCOL-EXTENSIONS.md). */
    public boolean sha256() {
        return offered.contains("sha256");
    }

    /** Downloads from an offset, and uploads kept when cut and resumed. */
    public boolean resume() {
        return offered.contains("resume");
    }

    public boolean listLong() {
        return offered.contains("list-long");
    }

    public boolean treeLong() {
        return offered.contains("tree-long");
    }

    public boolean stat() {
        return offered.contains("stat");
    }

    public boolean mkdir() {
        return offered.contains("mkdir");
    }

    public boolean rename() {
        return offered.contains("rename");
    }

    /** The server has accounts: {@code /login}, {@code /whoami}. */
    public boolean login() {
        return offered.contains("login");
    }

    /** The server serves nothing but {@code /capabilities}, {@code /login}, {@code /whoami} and {@code /exit} before a login. */
    public boolean loginRequired() {
        return offered.contains("login-required");
    }

    /** The server's store renames in one step, so readers never see both names or neither. */
    public boolean atomicRename() {
        return offered.contains("atomic-rename");
    }
}
