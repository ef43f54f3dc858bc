package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/**
 * Who to log in as once connected, and with what: an API token when one is given (scripts), else
 * the password, else the person at the terminal is asked. No user means no login, as with a v1
 * server.
 *
 * @param user     the account, or null to stay anonymous
 * @param password the account's password, or null
 * @param token    an API token of the account ({@code fst_...}), or null
 * @param prompt   asks for the secret when neither was given
 */
public record Credentials(String user, String password, String token, SecretPrompt prompt) {

    public static final Credentials NONE = new Credentials(null, null, null, SecretPrompt.NO_ONE_TO_ASK);

    public Credentials {
        user = blankToNull(user);
        password = blankToNull(password);
        token = blankToNull(token);
        prompt = prompt == null ? SecretPrompt.NO_ONE_TO_ASK : prompt;
    }

    public boolean anonymous() {
        return user == null;
    }

    /** The secret to send, asking for it only when none was given. */
    String secret(ServerAddress address) throws ClientException {
        if (token != null) {
            return token;
        }
        return password != null ? password : prompt.secretFor(user, address);
    }

    /** Another account on the next connections; its secret is asked again unless it is the same user. */
    public Credentials forUser(String otherUser) {
        String other = blankToNull(otherUser);
        if (other == null || other.equals(user)) {
            return this;
        }
        return new Credentials(other, null, null, prompt);
    }

    /** Remembers a secret the user typed, so that a reconnection does not ask again. */
    Credentials withPassword(String typed) {
        return new Credentials(user, typed, token, prompt);
    }

    public Credentials withPrompt(SecretPrompt question) {
        return new Credentials(user, password, token, question);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        // never the secrets, whatever prints this
        return "Credentials[user=" + user + "]";
    }
}
