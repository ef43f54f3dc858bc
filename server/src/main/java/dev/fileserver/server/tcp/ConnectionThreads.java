package dev.fileserver.server.tcp;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The threads that read and answer connections, one per connection. At 10,000 idle sessions each
 * cost about 48 KiB of resident memory on platform threads (JDK 17) and 16 KiB on virtual ones
 * (JDK 25), so the server takes virtual threads where the JVM has them (21 and newer).
 * On JDK 21 to 23 a virtual thread blocked inside {@code synchronized} keeps its carrier (of which
 * there are as many as cores): connections send under a {@code ReentrantLock}, and what
 * {@code synchronized} guards in the conversation is a few fields, never I/O. The one exception is
 * the S3 backend's quota recount, a bucket listing under its monitor; JDK 24 and newer no longer pin.
 */
final class ConnectionThreads {

    static final int FIRST_VIRTUAL_FEATURE = 21;

    private ConnectionThreads() {
    }

    static SimpleAsyncTaskExecutor executor() {
        return executor(Runtime.version().feature());
    }

    /** The executor for a JVM of the given feature release. */
    static SimpleAsyncTaskExecutor executor(int javaFeature) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("fileserver-conn-");
        executor.setVirtualThreads(javaFeature >= FIRST_VIRTUAL_FEATURE);
        return executor;
    }
}
