package dev.fileserver.client.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.Account;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ConnectionSettings;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerAddress;
import dev.fileserver.client.connection.ServerLink;

/** Choosing the server. */
@Component
class ConnectionCommands {

    private static final String GROUP = "Connection";

    private static final String WHOAMI = "/whoami";

    private final ClientSession session;

    ConnectionCommands(ClientSession session) {
        this.session = session;
    }

    @Command(name = "connect", group = GROUP, description = "Connect to a server",
            help = "connect [--tls] [--user NAME] [--accept-new] [--fingerprint SHA256:...] [HOST] [PORT]: connect"
                    + " to HOST:PORT (by default the configured server); --tls inside TLS, trusting a server signed"
                    + " by an authority, or a self-signed one remembered before, given by --fingerprint, accepted"
                    + " with --accept-new or when asked; --user logs in as NAME (the password from"
                    + " FILESERVER_PASSWORD or FILESERVER_TOKEN, or asked)")
    public void connect(CommandContext context,
            @Option(longName = "tls", defaultValue = "false", description = "connect inside TLS") boolean tls,
            @Option(longName = "accept-new", defaultValue = "false",
                    description = "trust and remember a server seen for the first time") boolean acceptNew,
            @Option(longName = "fingerprint", defaultValue = "",
                    description = "trust the server whose certificate has this fingerprint") String fingerprint,
            @Option(longName = "user", defaultValue = "", description = "log in as this account") String user,
            @Argument(index = 0, description = "host") String host,
            @Argument(index = 1, description = "port") String port) throws ClientException {
        Arguments.atMost(context, 2,
                "connect [--tls] [--user NAME] [--accept-new] [--fingerprint SHA256:...] [HOST] [PORT]");
        session.useAccount(user);
        ServerAddress target = session.target();
        ServerAddress address = new ServerAddress(host.isBlank() ? target.host() : host,
                port.isBlank() ? target.port() : port(port), tls || (host.isBlank() && target.tls()));
        ConnectionSettings settings = session.settings();
        if (settings.trust() != null) {
            settings = settings.withTrust(settings.trust().forConnect(acceptNew, fingerprint));
        }
        ServerLink link = session.connect(address, settings);
        context.outputWriter().println(connected(link));
    }

    /** {@code Connected to HOST:PORT (TLS) as alice (read-only).} */
    static String connected(ServerLink link) {
        Account account = link.account();
        return "Connected to " + link.address() + (link.address().tls() ? " (TLS)" : "")
                + (account.anonymous() ? "" : " as " + account.name() + (account.readOnly() ? " (read-only)" : ""))
                + ".";
    }

    @Command(name = "whoami", group = GROUP, description = "Show the account and whether the connection is encrypted",
            help = "whoami: the account the server knows this connection as (asked of the server when it has"
                    + " accounts), its access, and whether the connection is encrypted")
    public void whoami(CommandContext context) throws ClientException {
        Arguments.atMost(context, 0, "whoami");
        String identity = session.converse(channel -> {
            boolean encrypted = session.target().tls();
            if (!channel.capabilities().login()) {
                return "anonymous on " + session.target() + ", " + transport(encrypted)
                        + " (the server has no accounts)";
            }
            channel.send(WHOAMI);
            return Identity.parse(channel.receive()).describe(session.target());
        });
        context.outputWriter().println(identity);
    }

    private static String transport(boolean encrypted) {
        return encrypted ? "encrypted (TLS)" : "not encrypted (plaintext)";
    }

    /** The server's answer to {@code /whoami}: {@code whoami NAME ACCESS TRANSPORT}, NAME {@code -} for no one. */
    record Identity(String name, String access, boolean encrypted) {

        static Identity parse(String reply) throws RemoteException {
            String[] words = reply.split(" ");
            if (words.length != 4 || !words[0].equals("whoami")) {
                throw new RemoteException(reply.startsWith("Error:") ? reply
                        : "Error: unexpected answer to /whoami: " + reply);
            }
            return new Identity(words[1].equals("-") ? null : words[1], words[2], words[3].equals("tls"));
        }

        String describe(ServerAddress address) {
            return (name == null ? "anonymous (not logged in)" : name + " (" + access + ")") + " on " + address + ", "
                    + transport(encrypted);
        }
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
