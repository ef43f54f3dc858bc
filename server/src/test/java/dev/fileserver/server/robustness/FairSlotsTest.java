package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.server.tcp.ConnectionSlots;
import dev.fileserver.testsupport.Await;
import dev.fileserver.wire.EndOfStreamException;

/**
 * Idle connections and busy hosts cannot lock others out: a connection that has made no request
 * within the login grace time gives its slot to a newcomer that needs it, and one address holds at
 * most its share of the slots. Clients on 127.0.0.x play distinct hosts; the shared server caps
 * loopback addresses like any other (its allow-list is empty) and has the defender off, which
 * {@code DefenderTest} covers.
 */
@ExtendWith(OutputCaptureExtension.class)
class FairSlotsTest {

    private static final long GRACE_MILLIS = 300;

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        // four slots, two per address (half of max-clients, the default share)
        server = RunningServer.start(root, "--fileserver.max-clients=4", "--fileserver.login-grace-time=300ms",
                "--fileserver.defender.allow-list=", "--fileserver.defender.enabled=false");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void everySlotIsFree() throws Exception {
        ConnectionSlots slots = server.context().getBean(ConnectionSlots.class);
        Await.until("the previous test's connections have ended", () -> slots.inUse() == 0);
    }

    @Test
    void fiveIdleConnectionsNoLongerLockTheNextClientOut(@TempDir Path otherRoot) throws Exception {
        // the defaults (max-clients 5, loopback trusted) but a short grace time
        try (RunningServer defaults = RunningServer.start(otherRoot, "--fileserver.login-grace-time=500ms")) {
            List<V1Client> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    idle.add(V1Client.connectAccepted(defaults.port()));
                }
                try (V1Client next = V1Client.awaitAccepted(defaults.port())) {
                    Fixtures.assertLists(next);
                }
                // the oldest idle connection gave its slot up; the other four were not disturbed
                Fixtures.assertClosedByServer(idle.get(0));
                for (V1Client stillThere : idle.subList(1, 5)) {
                    Fixtures.assertLists(stillThere);
                }
                assertThat(meter(defaults, "fileserver.connections.evicted")).isEqualTo(1);
            }
            finally {
                idle.forEach(V1Client::close);
            }
        }
    }

    @Test
    void anIdleConnectionKeepsItsSlotWhileNobodyElseWantsOne() throws Exception {
        try (HostClient idle = HostClient.connect("127.0.0.2", server.port())) {
            assertThat(idle.isAccepted()).isTrue();
            // the condition under test is time passing with no newcomer
            Thread.sleep(3 * GRACE_MILLIS);
            assertListsFrom(idle);
        }
    }

    @Test
    void aConnectionThatHasMadeARequestKeepsItsSlotPastTheGraceTime() throws Exception {
        try (HostClient a1 = accepted("127.0.0.2"); HostClient a2 = accepted("127.0.0.2");
                HostClient b1 = accepted("127.0.0.3"); HostClient b2 = accepted("127.0.0.3")) {
            for (HostClient client : List.of(a1, a2, b1, b2)) {
                assertListsFrom(client);
            }
            Thread.sleep(3 * GRACE_MILLIS);
            assertRejected("127.0.0.4");
            for (HostClient client : List.of(a1, a2, b1, b2)) {
                assertListsFrom(client);
            }
        }
    }

    @Test
    void oneAddressCannotTakeEverySlot() throws Exception {
        double before = rejected(server, "per-address");
        try (HostClient first = accepted("127.0.0.2"); HostClient second = accepted("127.0.0.2")) {
            assertListsFrom(first);
            assertListsFrom(second);
            assertRejected("127.0.0.2");
            // the other half of the slots is there for everyone else
            try (HostClient other = accepted("127.0.0.3"); V1Client local = V1Client.connectAccepted(server.port())) {
                assertListsFrom(other);
                Fixtures.assertLists(local);
            }
        }
        assertThat(rejected(server, "per-address")).isEqualTo(before + 1);
    }

    @Test
    void aNewcomerFromAnAddressAtItsShareTakesTheSlotOfThatAddressesIdleConnection() throws Exception {
        try (HostClient busy = accepted("127.0.0.5"); HostClient idle = accepted("127.0.0.2");
                HostClient alsoIdle = accepted("127.0.0.2")) {
            assertListsFrom(busy);
            Thread.sleep(3 * GRACE_MILLIS);
            try (HostClient newcomer = accepted("127.0.0.2")) {
                assertListsFrom(newcomer);
                assertClosedByServer(idle);
                assertListsFrom(alsoIdle);
                assertListsFrom(busy);
            }
        }
    }

    @Test
    void theShareOfOneAddressCanBeSetAndTrustedAddressesHaveNone(@TempDir Path otherRoot) throws Exception {
        // room for all five below: only the share of one address can turn the last one away
        try (RunningServer capped = RunningServer.start(otherRoot, "--fileserver.max-clients=6",
                "--fileserver.max-clients-per-address=1", "--fileserver.defender.allow-list=127.0.0.2/32")) {
            try (HostClient t1 = HostClient.connect("127.0.0.2", capped.port());
                    HostClient t2 = HostClient.connect("127.0.0.2", capped.port());
                    HostClient t3 = HostClient.connect("127.0.0.2", capped.port());
                    HostClient other = HostClient.connect("127.0.0.3", capped.port());
                    HostClient otherAgain = HostClient.connect("127.0.0.3", capped.port())) {
                assertThat(List.of(t1, t2, t3, other)).allMatch(HostClient::isAccepted);
                assertThat(otherAgain.greeting()).isEqualTo(HostClient.REJECTED);
            }
        }
    }

    @Test
    void rejectionsAreLoggedOncePerBurstAndCountedByReason(@TempDir Path otherRoot, CapturedOutput output)
            throws Exception {
        try (RunningServer full = RunningServer.start(otherRoot, "--fileserver.max-clients=1");
                V1Client holder = V1Client.connectAccepted(full.port())) {
            Fixtures.assertLists(holder);
            for (int i = 0; i < 20; i++) {
                try (V1Client turnedAway = V1Client.connect(full.port())) {
                    assertThat(turnedAway.receive()).isEqualTo(HostClient.REJECTED);
                }
            }
            assertThat(rejected(full, "full")).isEqualTo(20);
            Await.until("the burst is summed up in one line",
                    () -> output.getOut().contains("19 more connections rejected in the last 10 s: full 19"));
            assertThat(output.getOut().lines().filter(line -> line.contains(" rejected: every client slot is taken")))
                    .hasSize(1);
        }
    }

    private static HostClient accepted(String host) throws IOException {
        HostClient client = HostClient.connect(host, server.port());
        assertThat(client.greeting()).as("greeting of a client from %s", host).isEqualTo("Connection accepted");
        return client;
    }

    private static void assertRejected(String host) throws IOException {
        try (HostClient client = HostClient.connect(host, server.port())) {
            assertThat(client.greeting()).isEqualTo(HostClient.REJECTED);
            assertClosedByServer(client);
        }
    }

    private static void assertListsFrom(HostClient client) throws IOException {
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
    }

    private static void assertClosedByServer(HostClient client) {
        assertThatThrownBy(client::receive).as("the connection should have been closed by the server")
                .isInstanceOfAny(EndOfStreamException.class, SocketException.class);
    }

    private static double rejected(RunningServer server, String reason) {
        MeterRegistry registry = server.context().getBean(MeterRegistry.class);
        var counter = registry.find("fileserver.connections.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double meter(RunningServer server, String name) {
        return server.context().getBean(MeterRegistry.class).get(name).counter().count();
    }
}
