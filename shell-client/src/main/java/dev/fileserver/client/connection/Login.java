package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/**
 * The login extension (docs/PROTOCOL-EXTENSIONS.md): {@code /login NAME}, the server asks for the
 * {@code password}, the secret goes back in one frame, and {@code welcome NAME ACCESS} lets the
 * client in. It runs right after the capability exchange, before any command.
 */
final class Login {

    static final String ASKS_SECRET = "password";

    private static final String WELCOME = "welcome ";

    private static final String READ_ONLY = "read-only";

    private Login() {
    }

    /**
     * Logs in when a user is configured, and refuses to go on anonymously with a server that wants a
     * login: every command would only be refused one by one.
     */
    static Account logIn(ServerChannel channel, ServerAddress address, Credentials credentials) throws ClientException {
        Capabilities offered = channel.capabilities();
        if (credentials.anonymous()) {
            if (offered.loginRequired()) {
                throw new LoginRefusedException("Error: " + address + " requires a login: give the account with"
                        + " --fileserver.user=NAME (or FILESERVER_USER, or connect --user NAME)");
            }
            return Account.ANONYMOUS;
        }
        if (!offered.login()) {
            // going on anonymously would put the user's files where they did not mean them to go
            throw new LoginRefusedException("Error: " + address + " has no accounts (it does not offer the 'login'"
                    + " extension), so it cannot log in '" + credentials.user() + "'; connect without a user");
        }
        channel.send("/login " + credentials.user());
        String question = channel.receive();
        if (!ASKS_SECRET.equals(question)) {
            throw new LoginRefusedException(question);
        }
        channel.send(credentials.secret(address));
        String answer = channel.receive();
        if (!answer.startsWith(WELCOME)) {
            throw new LoginRefusedException(answer.startsWith("Error:") ? answer : "Error: login failed: " + answer);
        }
        String[] words = answer.substring(WELCOME.length()).split(" ");
        return new Account(words[0], words.length > 1 && READ_ONLY.equals(words[1]));
    }
}
