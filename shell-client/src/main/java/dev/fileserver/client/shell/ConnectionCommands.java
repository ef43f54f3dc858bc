package dev.fileserver.client.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ConnectionSettings;
import dev.fileserver.client.connection.ServerAddress;
import dev.fileserver.client.connection.ServerLink;

/** Choosing the server. */
@Component
class ConnectionCommands {

    private static final String GROUP = "Connection";

    private final ClientSession session;

    ConnectionCommands(ClientSession session) {
        this.session = session;
    }

    @Command(name = "connect", group = GROUP, description = "Connect to a server",
            help = "connect [--tls] [--accept-new] [--fingerprint SHA256:...] [HOST] [PORT]: connect to HOST:PORT"
                    + " (by default the configured server); --tls inside TLS, trusting a server signed by an"
                    + " authority, or a self-signed one remembered before, given by --fingerprint, accepted"
                    + " with --accept-new or when asked")
    public void connect(CommandContext context,
            @Option(longName = "tls", defaultValue = "false", description = "connect inside TLS") boolean tls,
            @Option(longName = "accept-new", defaultValue = "false",
                    description = "trust and remember a server seen for the first time") boolean acceptNew,
            @Option(longName = "fingerprint", defaultValue = "",
                    description = "trust the server whose certificate has this fingerprint") String fingerprint,
            @Argument(index = 0, description = "host") String host,
            @Argument(index = 1, description = "port") String port) throws ClientException {
        Arguments.atMost(context, 2, "connect [--tls] [--accept-new] [--fingerprint SHA256:...] [HOST] [PORT]");
        ServerAddress target = session.target();
        ServerAddress address = new ServerAddress(host.isBlank() ? target.host() : host,
                port.isBlank() ? target.port() : port(port), tls || (host.isBlank() && target.tls()));
        ConnectionSettings settings = session.settings();
        if (settings.trust() != null) {
            settings = settings.withTrust(settings.trust().forConnect(acceptNew, fingerprint));
        }
        ServerLink link = session.connect(address, settings);
        context.outputWriter().println("Connected to " + link.address() + (address.tls() ? " (TLS)." : "."));
    }

    @Command(name = "disconnect", group = GROUP, description = "Leave the server",
            help = "disconnect: close the connection; the next command connects again")
    public void disconnect(CommandContext context) throws ClientException {
        Arguments.atMost(context, 0, "disconnect");
        boolean connected = session.isConnected();
        session.disconnect();
        context.outputWriter().println(connected ? "Disconnected from " + session.target() + "." : "Not connected.");
    }

    private static int port(String port) throws UsageException {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("Error: '" + port + "' is not a port number (1-65535)");
    }
}
