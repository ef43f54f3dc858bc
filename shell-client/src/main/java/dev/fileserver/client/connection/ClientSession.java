package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.tls.TrustSettings;

/**
 * The client's one connection, opened on demand to the current target and dropped whenever a
 * conversation leaves it in an unknown state, so that a lost connection costs one failed command
 * and the next command simply connects again.
 */
public final class ClientSession implements AutoCloseable {

    private ConnectionSettings settings;

    private ServerAddress target;

    private volatile ServerLink link;

    private volatile boolean busy;

    public ClientSession(ServerAddress target, ConnectionSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** How to ask the user about a TLS server seen for the first time (by default: no one to ask). */
    public void onFirstUse(TrustSettings.FirstUseQuestion question) {
        if (settings.trust() != null) {
            settings = settings.withTrust(settings.trust().withFirstUse(question));
        }
    }

    /** How to ask the user for an account's password (by default: no one to ask). */
    public void onSecretNeeded(SecretPrompt prompt) {
        settings = settings.withCredentials(settings.credentials().withPrompt(prompt));
    }

    /**
     * Logs in as {@code user} from the next connection on (a password given for another user is
     * not sent to this one).
     */
    public void useAccount(String user) {
        settings = settings.withCredentials(settings.credentials().forUser(user));
    }

    /** Who the server knows the open connection as; anonymous when there is none. */
    public Account account() {
        ServerLink current = link;
        return current != null && current.isOpen() ? current.account() : Account.ANONYMOUS;
    }

    /** The TLS trust settings, with the one-off choices of a {@code connect} command applied. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Where the next connection goes: the configured server, or the last one connected to. */
    public ServerAddress target() {
        return target;
    }

    public boolean isConnected() {
        ServerLink current = link;
        return current != null && current.isOpen();
    }

    /** Leaves the current server, if any, and connects to {@code address}, which becomes the target. */
    public ServerLink connect(ServerAddress address) throws ClientException {
        return connect(address, settings);
    }

    /** As {@link #connect(ServerAddress)}, trusting as {@code connectSettings} say for this connection. */
    public ServerLink connect(ServerAddress address, ConnectionSettings connectSettings) throws ClientException {
        disconnect();
        target = address;
        link = open(address, connectSettings);
        return link;
    }

    /** The open connection, connecting to the target first if there is none. */
    public ServerLink connection() throws ClientException {
        ServerLink current = link;
        if (current != null && current.closedWhileIdle()) {
            current.close();
        }
        if (!isConnected()) {
            link = open(target, settings);
        }
        return link;
    }

    /** Opens a link; a password typed for it is kept for the reconnections that follow. */
    private ServerLink open(ServerAddress address, ConnectionSettings connectSettings) throws ClientException {
        Credentials credentials = connectSettings.credentials();
        TypedSecret typed = new TypedSecret(credentials.prompt());
        ServerLink opened = ServerLink.open(address, connectSettings.withCredentials(credentials.withPrompt(typed)));
        if (typed.answer != null && credentials.user().equals(settings.credentials().user())) {
            settings = settings.withCredentials(settings.credentials().withPassword(typed.answer));
        }
        return opened;
    }

    /**
     * Runs one conversation on the connection. When it fails in a way that leaves the server at an
     * unknown step of the conversation, the connection is closed rather than reused.
     */
    public <T> T converse(Conversation<T> conversation) throws ClientException {
        ServerLink current = connection();
        boolean inStep = false;
        busy = true;
        try {
            T result = conversation.with(current.channel());
            inStep = true;
            return result;
        }
        catch (ClientException e) {
            inStep = e.keepsConnection();
            throw e;
        }
        finally {
            busy = false;
            if (!inStep) {
                current.close();
                link = null;
            }
        }
    }

    /** Cuts the connection at once, from any thread: a transfer blocked on it fails promptly. */
    public void abort() {
        ServerLink current = link;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Says goodbye to the server and closes the connection. */
    public void disconnect() {
        ServerLink current = link;
        link = null;
        if (current != null && current.isOpen()) {
            current.goodbye();
        }
    }

    /**
     * Leaves the server; in the middle of a conversation (the process is being stopped) there is no
     * polite way out, and the connection is cut instead.
     */
    @Override
    public void close() {
        if (busy) {
            abort();
        }
        else {
            disconnect();
        }
    }

    /** Remembers what the user typed when asked for a secret. */
    private static final class TypedSecret implements SecretPrompt {

        private final SecretPrompt prompt;

        private String answer;

        TypedSecret(SecretPrompt prompt) {
            this.prompt = prompt;
        }

        @Override
        public String secretFor(String user, ServerAddress address) throws ClientException {
            answer = prompt.secretFor(user, address);
            return answer;
        }
    }

    /** One request and its replies, on a connection that is at the start of a request. */
    @FunctionalInterface
    public interface Conversation<T> {

        T with(ServerChannel channel) throws ClientException;
    }
}
