package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.testsupport.UserCommand;
import dev.fileserver.testsupport.V1Client;

/**
 * Logins over TLS: an account made with the server jar's own {@code user add} (the password hash
 * at the library's recommended cost), then one login per new connection, the clock from
 * {@code /login} to {@code welcome} (the handshake before it is not counted), by password and by
 * API token.
 */
final class LoginRoundTrips {

    static final String USER = "bench";

    private static final String PASSWORD = "a benchmark's password, long enough";

    private static final int LOGINS = 30;

    private static final int WARM_UP = 3;

    private LoginRoundTrips() {
    }

    /** Adds the account and a token to {@code usersFile}; returns the token. */
    static String addAccount(Path serverJar, Path usersFile) throws IOException, InterruptedException {
        UserCommand.run(serverJar, usersFile, PASSWORD + "\n", "add", USER);
        return UserCommand.addToken(serverJar, usersFile, USER);
    }

    /** The medians of {@value #LOGINS} password logins and as many token logins, in milliseconds. */
    static List<Figure> measure(int tlsPort, Path certificate, String token) throws IOException {
        List<Double> byPassword = logins(tlsPort, certificate, PASSWORD);
        List<Double> byToken = logins(tlsPort, certificate, token);
        return List.of(
                Figure.measured("Login round trip over TLS, password (Argon2id, Spring Security's defaults)",
                        Unit.MILLISECONDS, Samples.of(byPassword), Target.atMost(50, Unit.MILLISECONDS)),
                Figure.measured("Login round trip over TLS, API token (SHA-256)", Unit.MILLISECONDS,
                        Samples.of(byToken)));
    }

    private static List<Double> logins(int port, Path certificate, String secret) throws IOException {
        List<Double> millis = new ArrayList<>();
        for (int i = -WARM_UP; i < LOGINS; i++) {
            try (V1Client session = V1Client.over(TlsFiles.connect(port, certificate))) {
                session.expect(V1Client.ACCEPTED);
                long started = System.nanoTime();
                session.send("/login " + USER);
                session.expect("password");
                session.send(secret);
                session.expect("welcome " + USER + " read-write");
                if (i >= 0) {
                    millis.add((System.nanoTime() - started) / 1e6);
                }
            }
        }
        return millis;
    }
}
