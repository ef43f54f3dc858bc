package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.config.StartupException;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.server.support.RunningServer;

/**
 * An address that keeps breaking the protocol is refused for the ban time, with the v1 rejection
 * greeting, and let back in after it; other addresses are served meanwhile, allow-listed ones are
 * never banned, and the defender remembers a bounded number of addresses however many there are.
 * Clients on 127.0.0.x play distinct hosts; each test uses hosts of its own.
 */
class DefenderTest {

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        // a protocol error scores 3: the third one bans
        server = RunningServer.start(root, "--fileserver.defender.threshold=9", "--fileserver.defender.ban-time=2s",
                "--fileserver.defender.allow-list=127.0.0.9", "--fileserver.max-clients=20");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHostThatSendsGarbageRepeatedlyIsBannedThenLetBackInAfterTheBanTime() throws Exception {
        double bansBefore = meter("fileserver.defender.bans");
        for (int i = 0; i < 3; i++) {
            assertThat(sendGarbageFrom("127.0.0.2")).as("greeting before garbage number %d", i + 1)
                    .isEqualTo("Connection accepted");
        }
        try (HostClient banned = HostClient.connect("127.0.0.2", server.port())) {
            assertThat(banned.greeting()).isEqualTo(HostClient.REJECTED);
        }
        assertThat(meter("fileserver.defender.bans")).isEqualTo(bansBefore + 1);
        assertThat(gauge("fileserver.defender.banned")).isEqualTo(1);
        assertThat(server.context().getBean(MeterRegistry.class).get("fileserver.connections.rejected")
                .tag("reason", "banned").counter().count()).isPositive();
        // the ban is on that address only
        try (HostClient other = HostClient.connect("127.0.0.3", server.port())) {
            assertThat(other.greeting()).isEqualTo("Connection accepted");
        }
        Await.until("the banned host is let back in after the ban time", () -> {
            try (HostClient again = HostClient.connect("127.0.0.2", server.port())) {
                return again.isAccepted() && again.request("/list", 3).get(0).equals("ok");
            }
        });
        assertThat(gauge("fileserver.defender.banned")).isZero();
    }

    @Test
    void anAllowListedHostIsNeverBanned() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(sendGarbageFrom("127.0.0.9")).isEqualTo("Connection accepted");
        }
    }

    @Test
    void theDefenderRemembersABoundedNumberOfAddressesHoweverManyMisbehave(@TempDir Path otherRoot) throws Exception {
        try (RunningServer forgetful = RunningServer.start(otherRoot, "--fileserver.defender.allow-list=",
                "--fileserver.defender.max-tracked-addresses=50", "--fileserver.defender.threshold=6")) {
            MeterRegistry registry = forgetful.context().getBean(MeterRegistry.class);
            for (int host = 0; host < 200; host++) {
                String address = "127.0.1." + (host + 1);
                try (HostClient client = HostClient.connect(address, forgetful.port())) {
                    client.sendRaw(V1Client.lengthHeader(0x80000000L));
                    assertThat(client.receive()).startsWith("Error:");
                }
                assertThat(registry.get("fileserver.defender.addresses").gauge().value()).isLessThanOrEqualTo(50);
            }
            Await.until("every offence is counted", () -> registry.get("fileserver.defender.offences")
                    .tag("offence", "protocol-error").counter().count() == 200);
            assertThat(registry.get("fileserver.defender.addresses").gauge().value()).isEqualTo(50);
            // the most recent addresses are still remembered: a second error bans the last one
            try (HostClient last = HostClient.connect("127.0.1.200", forgetful.port())) {
                last.sendRaw(V1Client.lengthHeader(0x80000000L));
                assertThat(last.receive()).startsWith("Error:");
            }
            Await.until("the last host is banned", () -> {
                try (HostClient again = HostClient.connect("127.0.1.200", forgetful.port())) {
                    return again.greeting().equals(HostClient.REJECTED);
                }
            });
        }
    }

    @Test
    void anAllowListEntryThatIsNotAnAddressStopsStartUpNamingTheProperty(@TempDir Path otherRoot) {
        Throwable failure = catchThrowable(() -> RunningServer.start(otherRoot,
                "--fileserver.defender.allow-list=10.0.0.0/8,files.example"));
        assertThat(failure).hasStackTraceContaining(StartupException.class.getName() + ": "
                + "fileserver.defender.allow-list: 'files.example' is not an IP address or CIDR range");
    }

    /** Connects from {@code host}; if accepted, sends a 2 GiB frame header and awaits the error and the close. */
    private static String sendGarbageFrom(String host) throws IOException {
        try (HostClient client = HostClient.connect(host, server.port())) {
            if (client.isAccepted()) {
                client.sendRaw(V1Client.lengthHeader(0x80000000L));
                assertThat(client.receive()).startsWith("Error:");
            }
            return client.greeting();
        }
    }

    private static double meter(String name) {
        var counter = server.context().getBean(MeterRegistry.class).find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double gauge(String name) {
        return server.context().getBean(MeterRegistry.class).get(name).gauge().value();
    }
}
