package dev.fileserver.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.integration.ip.tcp.connection.AbstractConnectionFactory;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/**
 * Connections run on virtual threads where the JVM has them and on platform threads on 17. The
 * suite runs on 17 and on newer JDKs: each asserts what its own JVM should give.
 */
class ConnectionThreadsTest {

    private static final boolean JVM_HAS_VIRTUAL_THREADS = Runtime.version().feature() >= 21;

    @TempDir
    Path temp;

    @Test
    void aServerAnswersOnVirtualThreadsWhereTheJvmHasThemAndOnPlatformThreadsBefore() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        try (RunningServer server = RunningServer.start(root); V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.list("")).contains("hello.txt");
            Executor connections = connectionExecutor(server.context().getBean(FileServerConnectionFactory.class));
            assertThat(runsOnVirtualThread(connections)).isEqualTo(JVM_HAS_VIRTUAL_THREADS);
        }
    }

    @Test
    void forJava17TheChoiceFallsBackToPlatformThreads() throws Exception {
        assertThat(runsOnVirtualThread(ConnectionThreads.executor(17))).isFalse();
    }

    @Test
    void virtualThreadsGetFourCarriersPerCoreUnlessTheJvmWasGivenACount() {
        Properties unset = new Properties();
        Properties given = new Properties();
        given.setProperty(ConnectionThreads.SCHEDULER_PARALLELISM, "3");
        Properties java17 = new Properties();

        ConnectionThreads.widenScheduler(unset, 21, 2);
        ConnectionThreads.widenScheduler(given, 25, 2);
        ConnectionThreads.widenScheduler(java17, 17, 2);

        assertThat(unset.getProperty(ConnectionThreads.SCHEDULER_PARALLELISM)).isEqualTo("8");
        assertThat(given.getProperty(ConnectionThreads.SCHEDULER_PARALLELISM)).isEqualTo("3");
        assertThat(java17).isEmpty();
    }

    /** Spring Integration keeps the getter protected; the test asks the very executor the listener uses. */
    private static Executor connectionExecutor(AbstractConnectionFactory factory) throws Exception {
        Method getter = AbstractConnectionFactory.class.getDeclaredMethod("getTaskExecutor");
        getter.setAccessible(true);
        return (Executor) getter.invoke(factory);
    }

    /** Runs a task there, on one of our named threads; {@code Thread.isVirtual} exists from 21 on, the suite compiles for 17. */
    private static boolean runsOnVirtualThread(Executor executor) throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        executor.execute(() -> ran.complete(Thread.currentThread()));
        Thread thread = ran.get(30, TimeUnit.SECONDS);
        assertThat(thread.getName()).startsWith("fileserver-conn-");
        if (!JVM_HAS_VIRTUAL_THREADS) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }
}
