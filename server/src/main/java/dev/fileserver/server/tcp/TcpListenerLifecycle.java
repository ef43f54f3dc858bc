package dev.fileserver.server.tcp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerExceptionEvent;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;

/**
 * The listener's start and stop, around Spring Integration's own. Start: the socket is bound on
 * another thread, whose failure is only logged there, so start-up waits for the bind and stops
 * with one clear line if it fails. Stop (before Spring Integration closes every connection):
 * readiness goes down, new clients are refused, and transfers in progress get a grace period.
 */
public final class TcpListenerLifecycle
        implements SmartLifecycle, ApplicationListener<TcpConnectionServerExceptionEvent> {

    private static final Logger log = LoggerFactory.getLogger(TcpListenerLifecycle.class);

    private static final Duration BIND_WAIT = Duration.ofSeconds(30);

    private final FileServerConnectionFactory factory;

    private final ListenerAddress listener;

    private final FileServerProperties properties;

    private final SessionRegistry sessions;

    private final ApplicationEventPublisher publisher;

    private final AtomicReference<Throwable> bindFailure = new AtomicReference<>();

    private volatile boolean running;

    TcpListenerLifecycle(FileServerConnectionFactory factory, ListenerAddress listener,
            FileServerProperties properties, SessionRegistry sessions, ApplicationEventPublisher publisher) {
        this.factory = factory;
        this.listener = listener;
        this.properties = properties;
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public void onApplicationEvent(TcpConnectionServerExceptionEvent event) {
        if (event.getSource() == factory) {
            bindFailure.compareAndSet(null, event.getCause());
        }
    }

    @Override
    public void start() {
        long deadline = System.nanoTime() + BIND_WAIT.toNanos();
        while (!factory.isListening()) {
            Throwable failure = bindFailure.get();
            if (failure != null) {
                throw new StartupException(listener.portProperty() + ": cannot listen on " + listener.address()
                        + ":" + listener.port() + " (" + failure.getMessage() + ")", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(listener.portProperty() + ": the listener on " + listener.address()
                        + ":" + listener.port() + " did not start within " + BIND_WAIT.toSeconds() + " s");
            }
            pause();
        }
        running = true;
        log.info("{} listening on {}:{}", listener.name(), listener.address(), factory.getPort());
    }

    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        factory.stopAccepting();
        running = false;
        long deadline = System.nanoTime() + properties.shutdownGracePeriod().toNanos();
        log.info("Stopping the file service: new connections are refused; {} transfers in progress get up to {}",
                transfersInProgress(), properties.shutdownGracePeriod());
        while (transfersInProgress() > 0 && System.nanoTime() < deadline) {
            pause();
        }
        if (transfersInProgress() > 0) {
            log.warn("Stopping the file service: closing {} transfers still in progress after the grace period",
                    transfersInProgress());
        }
    }

    /** Sessions with an upload expected or arriving, or a reply being written. */
    private long transfersInProgress() {
        return sessions.all().stream().filter(Session::isTransferring).count();
    }

    public ListenerAddress address() {
        return listener;
    }

    public int boundPort() {
        return factory.getPort();
    }

    public boolean isAccepting() {
        return running && factory.isListening();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the inbound adapter (phase 0), which starts the connection factory; stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the listener", e);
        }
    }
}
