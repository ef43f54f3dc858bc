package dev.fileserver.client.connection;

/** A server to connect to, in plaintext or inside TLS. */
public record ServerAddress(String host, int port, boolean tls) {

    public ServerAddress(String host, int port) {
        this(host, port, false);
    }

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
