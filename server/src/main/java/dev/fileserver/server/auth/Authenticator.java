package dev.fileserver.server.auth;

import java.net.InetAddress;

import dev.fileserver.server.session.Login;

/** What the conversation asks of the login step; {@link Logins} is the server's. */
public interface Authenticator {

    /** Whether accounts are configured, so that {@code /capabilities} offers {@code login}. */
    boolean offered();

    /** Whether every connection must log in before it is served. */
    boolean required();

    /**
     * Logs {@code name} in with {@code secret} (a password or an API token) from {@code address}.
     *
     * @throws LoginRefusedException       wrong secret, no such account, or locked
     * @throws TooManyConnectionsException the account holds as many connections as it may
     */
    Login logIn(String name, String secret, InetAddress address);
}
