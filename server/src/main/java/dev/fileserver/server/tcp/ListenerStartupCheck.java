package dev.fileserver.server.tcp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerExceptionEvent;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;

/**
 * Spring Integration binds the listening socket on its own thread and only logs a failure; this
 * waits for the bind so that a taken port stops start-up with one clear line instead.
 */
final class ListenerStartupCheck implements SmartLifecycle, ApplicationListener<TcpConnectionServerExceptionEvent> {

    private static final Logger log = LoggerFactory.getLogger(ListenerStartupCheck.class);

    private static final Duration BIND_WAIT = Duration.ofSeconds(30);

    private final FileServerConnectionFactory factory;

    private final FileServerProperties properties;

    private final AtomicReference<Throwable> bindFailure = new AtomicReference<>();

    private volatile boolean running;

    ListenerStartupCheck(FileServerConnectionFactory factory, FileServerProperties properties) {
        this.factory = factory;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(TcpConnectionServerExceptionEvent event) {
        bindFailure.compareAndSet(null, event.getCause());
    }

    @Override
    public void start() {
        long deadline = System.nanoTime() + BIND_WAIT.toNanos();
        while (!factory.isListening()) {
            Throwable failure = bindFailure.get();
            if (failure != null) {
                throw new StartupException("fileserver.port: cannot listen on " + properties.bindAddress() + ":"
                        + properties.port() + " (" + failure.getMessage() + ")", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException("fileserver.port: the listener on " + properties.bindAddress() + ":"
                        + properties.port() + " did not start within " + BIND_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting for the listener");
            }
        }
        running = true;
        log.info("File service listening on {}:{}", properties.bindAddress(), factory.getPort());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the inbound adapter, which starts the connection factory. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
