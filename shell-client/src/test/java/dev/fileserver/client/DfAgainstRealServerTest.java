package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.client.support.FakeV1Server;
import dev.fileserver.client.support.RealServer;
import dev.fileserver.testsupport.Trees;

/**
 * {@code df} against the real server with a quota of 1 MiB and 10 files: exact figures in a script,
 * binary units at a terminal, and a clear refusal from a v1 server, which is never asked.
 */
class DfAgainstRealServerTest {

    @RegisterExtension
    static final RealServer server = new RealServer("--fileserver.quota.bytes=1MB", "--fileserver.quota.files=10",
            "--fileserver.quota.recount-interval=100ms");

    Path root;

    @BeforeEach
    void plant() throws IOException {
        root = server.root();
        Trees.empty(root);
        Files.write(root.resolve("a.bin"), new byte[300 * 1024]);
        Files.createDirectories(root.resolve("docs"));
        Files.write(root.resolve("docs/b.bin"), new byte[24]);
    }

    @Test
    void dfInAScriptGivesExactBytesAndFiles() throws Exception {
        ClientRun run = awaitCounted("df");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList().subList(0, 4)).containsExactly(
                "quota of the whole server",
                "         used    limit    left",
                "bytes  307224  1048576  741352",
                "files       2       10       8");
        assertThat(run.out().lines().toList().get(4)).matches("disk free: [0-9]+");
    }

    @Test
    void quotaAtATerminalGivesSizesInBinaryUnitsForAFolderToo() throws Exception {
        awaitCounted("df");

        ClientRun run = ClientRun.with(server.port(), "", true, "quota", "docs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("""
                quota of the whole server
                            used    limit       left
                bytes  300.0 KiB  1.0 MiB  724.0 KiB
                files          2       10          8
                disk free:\s""");
        assertThat(run.out()).matches("(?s).*disk free: [0-9.]+ [KMGTP]?i?B\n");
    }

    @Test
    void dfAgainstAV1ServerSaysTheExtensionIsMissingAndAsksNothing() throws Exception {
        try (FakeV1Server v1 = FakeV1Server.start(peer -> peer.answerCapabilitiesAsV1())) {
            ClientRun run = ClientRun.of(v1.port(), "df");

            v1.verify();
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).isEqualTo("Error: df needs the server's 'quota' extension, which this server does"
                    + " not offer (a v1 server offers none)\n");
        }
    }

    /** The server walks what was planted behind its back within its recount interval. */
    private static ClientRun awaitCounted(String... args) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            ClientRun run = ClientRun.of(server.port(), args);
            if (run.out().contains(" 307224 ") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(100);
        }
    }
}
