package dev.fileserver.server.ops;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.FileStore;

/** One line, once ready, with what an operator needs first: where the files are, addresses, profiles. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final FileStore store;

    private final FileServerProperties properties;

    private final AbstractServerConnectionFactory factory;

    StartupReport(FileStore store, FileServerProperties properties, AbstractServerConnectionFactory factory) {
        this.store = store;
        this.properties = properties;
        this.factory = factory;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String http = environment.getProperty("server.address", "0.0.0.0") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String[] profiles = environment.getActiveProfiles();
        log.info("File server ready: root {}, tcp {}:{}, http {}, profiles {}", store.location(),
                properties.bindAddress(), factory.getPort(), http,
                profiles.length == 0 ? "[default]" : Arrays.toString(profiles));
    }
}
