package dev.fileserver.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import dev.fileserver.testsupport.V1Client;

/** A users file written as {@code user add} writes it, and logging in over a real connection. */
public final class UsersFixture {

    private static final PasswordHashes HASHES = new PasswordHashes();

    private final Path file;

    private UsersFile users = UsersFile.empty();

    public UsersFixture(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Adds {@code name} with {@code password}; {@code home} null for the default. */
    public UsersFixture add(String name, String password, String home, boolean readOnly) {
        users = users.with(name, new StoredAccount(HASHES.hash(password), home, readOnly, List.of()));
        return write();
    }

    /** A new API token of {@code name}; the token's text, as {@code user token add} prints it. */
    String addToken(String name) {
        ApiToken token = ApiToken.generate();
        StoredAccount account = users.get(name);
        List<StoredToken> tokens = new java.util.ArrayList<>(account.tokens());
        tokens.add(new StoredToken(token.id(), "test", java.time.Instant.now(), ApiToken.hash(token.text())));
        users = users.with(name, account.withTokens(tokens));
        write();
        return token.text();
    }

    UsersFixture removeTokens(String name) {
        users = users.with(name, users.get(name).withTokens(List.of()));
        return write();
    }

    private UsersFixture write() {
        try {
            users.write(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code /login name}, then the secret: the server's answer to the secret (or to the request, if it asked nothing). */
    public static String logIn(V1Client client, String name, String secret) throws IOException {
        String first = client.request("/login " + name, 1).get(0);
        if (!first.equals("password")) {
            return first;
        }
        return client.request(secret, 1).get(0);
    }
}
