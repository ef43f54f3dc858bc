package dev.fileserver.server.tcp;

import java.util.Properties;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The threads that read and answer connections, one per connection. At 10,000 idle sessions each
 * cost about 48 KiB of resident memory on platform threads (JDK 17) and 16 KiB on virtual ones
 * (JDK 25), so the server takes virtual threads where the JVM has them (21 and newer).
 * On JDK 21 to 23 a virtual thread blocked inside {@code synchronized} keeps its carrier (of which
 * there are as many as cores): connections send under a {@code ReentrantLock}, and what
 * {@code synchronized} guards in the conversation is a few fields, never I/O. The one exception is
 * the S3 backend's quota recount, a bucket listing under its monitor; JDK 24 and newer no longer pin.
 * <p>
 * Virtual threads run on as many carrier threads as cores by default. The kernel shares the CPU out
 * by thread, so a server on two carriers gets a small share beside any busy process on the same
 * machine (a proxy, a store, a load test): 100 active clients beside 10,000 idle sessions saw a /list
 * p99 of 95 ms with two carriers and 21 ms with eight, under the same load. The server takes
 * {@value #CARRIERS_PER_CORE} per core unless the JVM was started with its own
 * {@code -Djdk.virtualThreadScheduler.parallelism}.
 */
final class ConnectionThreads {

    static final int FIRST_VIRTUAL_FEATURE = 21;

    private ConnectionThreads() {
    }

    static final int CARRIERS_PER_CORE = 4;

    static final String SCHEDULER_PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    static SimpleAsyncTaskExecutor executor() {
        int feature = Runtime.version().feature();
        // read once, when the first virtual thread starts: that is after this, when the listener opens
        widenScheduler(System.getProperties(), feature, Runtime.getRuntime().availableProcessors());
        return executor(feature);
    }

    /** Asks for {@value #CARRIERS_PER_CORE} carriers per core where virtual threads exist, unless told otherwise. */
    static void widenScheduler(Properties system, int javaFeature, int cores) {
        if (javaFeature >= FIRST_VIRTUAL_FEATURE) {
            system.putIfAbsent(SCHEDULER_PARALLELISM, String.valueOf(CARRIERS_PER_CORE * cores));
        }
    }

    /** The executor for a JVM of the given feature release. */
    static SimpleAsyncTaskExecutor executor(int javaFeature) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("fileserver-conn-");
        executor.setVirtualThreads(javaFeature >= FIRST_VIRTUAL_FEATURE);
        return executor;
    }
}
