package dev.fileserver.server.ops;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.tcp.TcpListenerLifecycle;
import dev.fileserver.server.tls.TlsServerContext;

/**
 * One line, once ready, with what an operator needs first: root, addresses, profiles, and with TLS
 * the certificate's fingerprint, which clients compare when they first connect (as sshd prints
 * its host keys).
 */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final FileStore store;

    private final FileServerProperties properties;

    private final AbstractServerConnectionFactory factory;

    private final ObjectProvider<TlsServerContext> tls;

    private final ObjectProvider<TcpListenerLifecycle> listeners;

    StartupReport(FileStore store, FileServerProperties properties, AbstractServerConnectionFactory factory,
            ObjectProvider<TlsServerContext> tls, ObjectProvider<TcpListenerLifecycle> listeners) {
        this.store = store;
        this.properties = properties;
        this.factory = factory;
        this.tls = tls;
        this.listeners = listeners;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String http = environment.getProperty("server.address", "0.0.0.0") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String[] profiles = environment.getActiveProfiles();
        log.info("File server ready: root {}, tcp {}:{}{}, http {}, profiles {}", store.location(), properties.bindAddress(),
                factory.getPort(), tlsPart(), http, profiles.length == 0 ? "[default]" : Arrays.toString(profiles));
    }

    private String tlsPart() {
        TlsServerContext context = tls.getIfAvailable();
        if (context == null) {
            return "";
        }
        return listeners.orderedStream()
                .filter(listener -> listener.address().portProperty().startsWith("fileserver.tls"))
                .findFirst()
                .map(listener -> ", tls " + listener.address().address() + ":" + listener.boundPort() + " "
                        + context.fingerprint())
                .orElse("");
    }
}
