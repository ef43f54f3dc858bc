package dev.fileserver.server.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

import dev.fileserver.server.FileServerApplication;

/** The real server application, in this JVM, on an ephemeral port, serving a given root. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final Path root;

    private RunningServer(ConfigurableApplicationContext context, Path root) {
        this.context = context;
        this.root = root;
    }

    /** Starts with {@code fileserver.root=root}, an ephemeral port, and any further {@code --key=value}. */
    public static RunningServer start(Path root, String... properties) {
        List<String> args = new ArrayList<>(List.of("--fileserver.root=" + root, "--fileserver.port=0",
                "--server.port=0"));
        args.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FileServerApplication.class)
                .run(args.toArray(String[]::new));
        return new RunningServer(context, root);
    }

    public int port() {
        return context.getBean(AbstractServerConnectionFactory.class).getPort();
    }

    public Path root() {
        return root;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public V1Client connect() {
        return V1Client.connect(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
