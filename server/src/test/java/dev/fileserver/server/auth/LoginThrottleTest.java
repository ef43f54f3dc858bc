package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.MovableClock;
import dev.fileserver.testsupport.V1Client;

/**
 * Repeated failed logins lock the address and the name they came from, names that no account has
 * exactly as names that one has; while locked, even the right password is answered with the lock,
 * and the secret frame is still read so the conversation stays in step. Clients come from distinct
 * loopback addresses (127.0.0.x) to tell a name's lock from an address's.
 */
class LoginThrottleTest {

    static final String LOCKED = "Error: too many failed logins; try again in \\d+ s";

    @TempDir
    static Path temp;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "correct horse", null, false)
                .add("bob", "battery staple", null, false);
        server = RunningServer.start(Files.createDirectory(temp.resolve("root")),
                "--fileserver.auth.users-file=" + users.file(), "--fileserver.auth.failure-delay=1ms",
                "--fileserver.auth.max-failure-delay=2ms", "--fileserver.auth.lock-after=3",
                "--fileserver.auth.lock-time=10m", "--fileserver.max-clients=20");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNameLockedByFailuresFromOneAddressIsLockedFromEveryOther() throws IOException {
        failThrice("127.0.0.2", "alice", "alice");
        try (V1Client client = connectFrom("127.0.0.3")) {
            assertThat(logIn(client, "alice", "correct horse")).matches(LOCKED);
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write plaintext");
        }
    }

    @Test
    void aNameNoAccountHasIsLockedTheSameWay() throws IOException {
        failThrice("127.0.0.4", "ghost", "ghost");
        try (V1Client client = connectFrom("127.0.0.5")) {
            assertThat(logIn(client, "ghost", "anything")).matches(LOCKED);
        }
    }

    @Test
    void anAddressLockedByFailuresUnderManyNamesCannotLogInAsAnyone() throws IOException {
        failThrice("127.0.0.6", "carol", "dave", "erin");
        try (V1Client client = connectFrom("127.0.0.6")) {
            assertThat(logIn(client, "bob", "battery staple")).matches(LOCKED);
        }
        try (V1Client client = connectFrom("127.0.0.7")) {
            assertThat(logIn(client, "bob", "battery staple")).isEqualTo("welcome bob read-write");
        }
        MeterRegistry meters = server.context().getBean(MeterRegistry.class);
        assertThat(meters.counter("fileserver.logins", "outcome", "locked").count()).isPositive();
    }

    @Test
    void eachRecentFailureDoublesTheDelayUpToItsBoundThenLocks() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(new AuthProperties(null, false, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 5, Duration.ofMinutes(15), 100), clock);

        assertThat(throttle.failed("10.0.0.1", "alice")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.failed("10.0.0.2", "alice")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.failed("10.0.0.3", "alice")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.failed("10.0.0.4", "alice")).isEqualTo(Duration.ofSeconds(5));
        assertThat(throttle.lockedFor("10.0.0.9", "alice")).isZero();
        throttle.failed("10.0.0.5", "alice");
        assertThat(throttle.lockedFor("10.0.0.9", "alice")).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.lockedFor("10.0.0.9", "alice")).isZero();
        assertThat(throttle.failed("10.0.0.1", "alice")).as("old failures are forgotten").isEqualTo(Duration.ofSeconds(1));
        throttle.succeeded("10.0.0.1", "alice");
        assertThat(throttle.failed("10.0.0.1", "alice")).isEqualTo(Duration.ofSeconds(1));
    }

    private static void failThrice(String from, String... names) throws IOException {
        try (V1Client client = connectFrom(from)) {
            for (int i = 0; i < 3; i++) {
                assertThat(logIn(client, names[i % names.length], "wrong")).isEqualTo("Error: login failed");
            }
        }
    }

    private static V1Client connectFrom(String address) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(30_000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        V1Client client = V1Client.over(socket);
        client.expect(V1Client.ACCEPTED);
        return client;
    }
}
