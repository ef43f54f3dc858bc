package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/**
 * {@code max-clients} is enforced with the v1 rejection greeting, and a slot is free again the
 * moment its connection ends, however it ends: exit, disconnect, idle timeout or a fatal frame error.
 */
class ClientSlotsTest {

    private static final String REJECTED = "Connection rejected: Server is at full capacity.";

    @TempDir
    static Path root;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The ways a client's connection can end, short of the idle timeout. */
    enum ConnectionEnd {

        EXIT("/exit answered y") {
            @Override
            void end(V1Client client) throws IOException {
                assertThat(client.request("/exit", 1)).containsExactly("ok");
                client.send("y");
                Fixtures.assertClosedByServer(client);
            }
        },

        DISCONNECT("the client closing its socket") {
            @Override
            void end(V1Client client) {
                client.close();
            }
        },

        FATAL_FRAME_ERROR("a 2 GiB frame header") {
            @Override
            void end(V1Client client) throws IOException {
                client.sendRaw(V1Client.lengthHeader(0x80000000L));
                assertThat(client.receive())
                        .isEqualTo("Error: text frame of 2147483648 bytes exceeds the limit of 65536 bytes");
                Fixtures.assertClosedByServer(client);
            }
        };

        private final String description;

        ConnectionEnd(String description) {
            this.description = description;
        }

        abstract void end(V1Client client) throws IOException;

        @Override
        public String toString() {
            return description;
        }
    }

    @Test
    void theClientBeyondMaxClientsGetsTheV1RejectionAndIsClosed() throws Exception {
        try (V1Client first = V1Client.awaitAccepted(server.port());
                V1Client second = V1Client.awaitAccepted(server.port())) {
            assertRejected(server);
            Fixtures.assertLists(first);
            Fixtures.assertLists(second);
        }
    }

    @ParameterizedTest(name = "a slot freed by {0} is given to the next client")
    @EnumSource(ConnectionEnd.class)
    void aSlotFreedWhenAConnectionEndsIsGivenToTheNextClient(ConnectionEnd end) throws Exception {
        try (V1Client leaving = V1Client.awaitAccepted(server.port());
                V1Client staying = V1Client.awaitAccepted(server.port())) {
            assertRejected(server);
            end.end(leaving);
            try (V1Client next = V1Client.awaitAccepted(server.port())) {
                Fixtures.assertLists(next);
                Fixtures.assertLists(staying);
                // exactly one slot was freed
                assertRejected(server);
            }
        }
    }

    @Test
    void twentyRoundsOfFillingAndEmptyingTheSlotsNeverLeakOne() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (V1Client first = V1Client.awaitAccepted(server.port());
                    V1Client second = V1Client.awaitAccepted(server.port())) {
                assertRejected(server);
                Fixtures.assertLists(first);
                ConnectionEnd.values()[round % ConnectionEnd.values().length].end(second);
            }
        }
    }

    @Test
    void aSilentClientIsDroppedAfterTheIdleTimeoutAndItsSlotIsFreed(@TempDir Path otherRoot) throws Exception {
        try (RunningServer impatient = RunningServer.start(otherRoot, "--fileserver.max-clients=2",
                "--fileserver.idle-timeout=500ms");
                V1Client silent = V1Client.connectAccepted(impatient.port());
                V1Client alsoSilent = V1Client.connectAccepted(impatient.port())) {
            Fixtures.assertClosedByServer(silent);
            Fixtures.assertClosedByServer(alsoSilent);
            // both slots are free again: two new clients are served (not silent, they are not dropped)
            try (V1Client next = V1Client.awaitAccepted(impatient.port());
                    V1Client nextToo = V1Client.awaitAccepted(impatient.port())) {
                Fixtures.assertLists(next);
                Fixtures.assertLists(nextToo);
            }
        }
    }

    private static void assertRejected(RunningServer full) throws IOException {
        try (V1Client extra = V1Client.connect(full.port())) {
            assertThat(extra.receive()).isEqualTo(REJECTED);
            Fixtures.assertClosedByServer(extra);
        }
    }
}
