package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.testsupport.V1Client;

/**
 * A little of everything, untimed, before the first measurement, so that no section's first run
 * pays for class loading and the JIT in the server, the raw baseline or the harness.
 */
final class WarmUp {

    private WarmUp() {
    }

    static void run(BenchContext context) throws IOException {
        Fixtures fixtures = context.fixtures();
        Path target = context.workspace().client().resolve("warm-up.bin");
        for (int i = 0; i < 3; i++) {
            Checksummed received = OneFileSessions.download(context.serverPort(), Fixtures.MEDIUM, target);
            fixtures.sum(Fixtures.MEDIUM).verify(received, "warm-up download");
            Files.delete(target);
            fixtures.sum(Fixtures.MEDIUM).verify(RawClient.get(context.rawPort(), Fixtures.MEDIUM, target),
                    "warm-up raw download");
            Files.delete(target);
            OneFileSessions.upload(context.serverPort(), fixtures.path(Fixtures.MEDIUM), Fixtures.UPLOADS);
            Files.delete(fixtures.path(Fixtures.UPLOADS).resolve(Fixtures.MEDIUM));
        }
        try (V1Client session = V1Client.connectAccepted(context.serverPort())) {
            for (int i = 0; i < 500; i++) {
                session.list(Fixtures.SMALL_FOLDER);
            }
        }
    }
}
