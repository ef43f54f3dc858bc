package dev.fileserver.client.connection;

/** The start of every link: the server's greeting, then, if allowed, the capability exchange. */
final class Handshake {

    private static final String REJECTED = "Connection rejected";

    private Handshake() {
    }

    /** A full server greets with a rejection instead of its welcome, and closes. */
    static void greeting(ServerChannel channel, ServerAddress address) throws ConnectionFailedException {
        String greeting = channel.receive();
        if (greeting.startsWith(REJECTED)) {
            String reason = greeting.substring(REJECTED.length()).replaceFirst("^[:\\s]+", "");
            throw ConnectionFailedException.rejected(address, reason);
        }
    }

    /** A v1 server answers the unknown command with one {@code ok}: one frame either way. */
    static void negotiate(ServerChannel channel) throws ConnectionFailedException {
        channel.send(Capabilities.REQUEST);
        channel.agreed(Capabilities.fromReply(channel.receive()));
    }
}
