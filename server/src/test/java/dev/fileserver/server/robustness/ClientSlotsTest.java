package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.server.support.V1Client;

/**
 * {@code max-clients} is enforced with the v1 rejection greeting, and a slot is free again the
 * moment its session ends, however it ends: exit, disconnect, idle timeout or a fatal frame error.
 */
class ClientSlotsTest {

    private static final String REJECTED = "Connection rejected: Server is at full capacity.";

    @TempDir
    Path root;

    RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theClientBeyondMaxClientsGetsTheV1RejectionAndIsClosed() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
        try (V1Client first = V1Client.connectAccepted(server.port());
                V1Client second = V1Client.connectAccepted(server.port())) {
            assertRejected();
            Fixtures.assertLists(first);
            Fixtures.assertLists(second);
        }
    }

    @Test
    void aSlotFreedByExitIsGivenToTheNextClient() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
        try (V1Client leaving = V1Client.connectAccepted(server.port());
                V1Client staying = V1Client.connectAccepted(server.port())) {
            assertRejected();
            assertThat(leaving.request("/exit", 1)).containsExactly("ok");
            leaving.send("y");
            Fixtures.assertClosedByServer(leaving);
            assertFreedSlotIsTakenOnceMore();
        }
    }

    @Test
    void aSlotFreedByADisconnectIsGivenToTheNextClient() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
        try (V1Client leaving = V1Client.connectAccepted(server.port());
                V1Client staying = V1Client.connectAccepted(server.port())) {
            assertRejected();
            leaving.close();
            assertFreedSlotIsTakenOnceMore();
        }
    }

    @Test
    void aSlotFreedByAFatalFrameErrorIsGivenToTheNextClient() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
        try (V1Client failing = V1Client.connectAccepted(server.port());
                V1Client staying = V1Client.connectAccepted(server.port())) {
            assertRejected();
            failing.sendRaw(Fixtures.lengthHeader(0x80000000L));
            assertThat(failing.receive()).startsWith("Error:");
            Fixtures.assertClosedByServer(failing);
            assertFreedSlotIsTakenOnceMore();
        }
    }

    @Test
    void aSilentClientIsDroppedAfterTheIdleTimeoutAndItsSlotIsFreed() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2", "--fileserver.idle-timeout=500ms");
        try (V1Client silent = V1Client.connectAccepted(server.port());
                V1Client alsoSilent = V1Client.connectAccepted(server.port())) {
            Fixtures.assertClosedByServer(silent);
            Fixtures.assertClosedByServer(alsoSilent);
            // both slots are free again: two new clients are served (within the timeout, they are not silent)
            try (V1Client next = Fixtures.acceptedClient(server.port());
                    V1Client nextToo = Fixtures.acceptedClient(server.port())) {
                Fixtures.assertLists(next);
                Fixtures.assertLists(nextToo);
            }
        }
    }

    @Test
    void twentyRoundsOfFillingAndEmptyingTheSlotsNeverLeakOne() throws Exception {
        server = RunningServer.start(root, "--fileserver.max-clients=2");
        for (int round = 0; round < 20; round++) {
            try (V1Client first = Fixtures.acceptedClient(server.port());
                    V1Client second = Fixtures.acceptedClient(server.port())) {
                assertRejected();
                Fixtures.assertLists(first);
                // end one session each way the client can end it
                assertThat(second.request("/exit", 1)).containsExactly("ok");
                second.send("y");
                Fixtures.assertClosedByServer(second);
            }
        }
    }

    private void assertRejected() throws IOException {
        try (V1Client extra = V1Client.connect(server.port())) {
            assertThat(extra.receive()).isEqualTo(REJECTED);
            Fixtures.assertClosedByServer(extra);
        }
    }

    /** The ended session's slot is given to one new client, and then the server is full again. */
    private void assertFreedSlotIsTakenOnceMore() throws Exception {
        try (V1Client next = Fixtures.acceptedClient(server.port())) {
            Fixtures.assertLists(next);
            assertRejected();
        }
    }
}
