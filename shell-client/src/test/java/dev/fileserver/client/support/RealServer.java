package dev.fileserver.client.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

import dev.fileserver.server.FileServerApplication;

/** The real server application, in this JVM, on an ephemeral port, serving a temporary root. */
public final class RealServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final Path root;

    private RealServer(ConfigurableApplicationContext context, Path root) {
        this.context = context;
        this.root = root;
    }

    /** Starts serving {@code root}; {@code properties} are further {@code --key=value} settings. */
    public static RealServer start(Path root, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--fileserver.root=" + root,
                "--fileserver.port=0",
                "--server.port=0",
                // the client's Spring Shell is on the test classpath; the server has no shell
                "--spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
                "--logging.level.root=WARN"));
        args.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FileServerApplication.class)
                .run(args.toArray(String[]::new));
        return new RealServer(context, root);
    }

    public int port() {
        return context.getBean(AbstractServerConnectionFactory.class).getPort();
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        context.close();
    }
}
