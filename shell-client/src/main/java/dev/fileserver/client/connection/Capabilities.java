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
}
