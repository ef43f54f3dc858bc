package dev.fileserver.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.RandomBytes;
import dev.fileserver.testsupport.V1Client;

/**
 * A connection that has sent a file keeps no more than a slice of direct memory while it stays
 * open: on JDK 17, with a thread per connection, the socket's own copies through direct memory
 * are kept by each thread at the size of its largest write.
 */
@EnabledForJreRange(max = JRE.JAVA_20, disabledReason = "from JDK 21 the buffers are kept per carrier thread")
class ConnectionDirectMemoryTest {

    private static final int CONNECTIONS = 8;

    private static final int MiB = 1024 * 1024;

    @TempDir
    Path root;

    @ParameterizedTest(name = "plain-transfers {0}")
    @ValueSource(strings = {"streams", "channel"})
    void connectionsThatHaveDownloadedHoldLittleDirectMemoryWhileOpen(String transfers) throws Exception {
        Files.write(root.resolve("four-mib.bin"), RandomBytes.array(11, 4 * MiB));
        try (RunningServer server = RunningServer.start(root, "--fileserver.max-clients=" + (CONNECTIONS + 1),
                "--fileserver.plain-transfers=" + transfers)) {
            List<V1Client> open = new ArrayList<>();
            try {
                open.add(V1Client.connectAccepted(server.port()));
                open.get(0).download("four-mib.bin", "file", OutputStream.nullOutputStream());
                long before = directMemoryUsed();
                for (int i = 1; i < CONNECTIONS; i++) {
                    V1Client client = V1Client.connectAccepted(server.port());
                    open.add(client);
                    client.download("four-mib.bin", "file", OutputStream.nullOutputStream());
                }
                long grown = directMemoryUsed() - before;
                // 1 MiB each while calls were a whole 1 MiB buffer; now a slice each (512 KiB)
                assertThat(grown).as("direct memory taken by %d more open connections that downloaded 4 MiB",
                        CONNECTIONS - 1).isLessThan((CONNECTIONS - 1) * 3L * MiB / 4);
            }
            finally {
                for (V1Client client : open) {
                    client.close();
                }
            }
        }
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
