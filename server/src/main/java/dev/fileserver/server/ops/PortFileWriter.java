package dev.fileserver.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.tcp.TcpListenerLifecycle;

/**
 * Writes the bound ports to {@code fileserver.port-file}, as lines {@code tcp=PORT},
 * {@code http=PORT} and, with TLS on, {@code tls=PORT}, once the server is ready, and deletes the file when it shuts down: whoever
 * started the server with port 0 learns its ports without reading its logs. The file is written
 * beside its final name and renamed, so a reader never sees half of it.
 */
@Component
class PortFileWriter {

    private static final Logger log = LoggerFactory.getLogger(PortFileWriter.class);

    private final Path portFile;

    private final AbstractServerConnectionFactory factory;

    private final ObjectProvider<TcpListenerLifecycle> tls;

    private volatile ApplicationContext written;

    PortFileWriter(FileServerProperties properties, AbstractServerConnectionFactory factory,
            @Qualifier("tlsListenerLifecycle") ObjectProvider<TcpListenerLifecycle> tls) {
        this.portFile = properties.portFile();
        this.factory = factory;
        this.tls = tls;
    }

    @EventListener
    void write(ApplicationReadyEvent event) {
        if (portFile == null) {
            return;
        }
        StringBuilder ports = new StringBuilder("tcp=").append(factory.getPort()).append('\n');
        String http = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (http != null) {
            ports.append("http=").append(http).append('\n');
        }
        TcpListenerLifecycle tlsListener = tls.getIfAvailable();
        if (tlsListener != null) {
            ports.append("tls=").append(tlsListener.boundPort()).append('\n');
        }
        Path absolute = portFile.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temporary, ports);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new StartupException("fileserver.port-file: cannot write '" + portFile + "' (" + e + ")", e);
        }
        written = event.getApplicationContext();
        log.debug("Ports written to {}", absolute);
    }

    /** On the closing of the context it was written for (not of a child context, such as a management one). */
    @EventListener
    void delete(ContextClosedEvent event) {
        if (portFile == null || event.getApplicationContext() != written) {
            return;
        }
        try {
            Files.deleteIfExists(portFile);
        }
        catch (IOException e) {
            log.warn("Could not delete the port file {}: {}", portFile, e.toString());
        }
    }
}
