package dev.fileserver.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

import dev.fileserver.server.FileServerApplication;
import dev.fileserver.testsupport.ServerArguments;

/** The real server application, in this JVM, on an ephemeral port, serving a given root. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final Path root;

    private RunningServer(ConfigurableApplicationContext context, Path root) {
        this.context = context;
        this.root = root;
    }

    /** Starts with {@code fileserver.root=root}, ephemeral ports, and any further {@code --key=value}. */
    public static RunningServer start(Path root, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FileServerApplication.class)
                .run(ServerArguments.of(root, List.of(properties)).toArray(String[]::new));
        return new RunningServer(context, root);
    }

    public int port() {
        return context.getBean(AbstractServerConnectionFactory.class).getPort();
    }

    /** The actuator's HTTP port. */
    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** GET on the actuator; the status code and the body. */
    public HttpResult get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record HttpResult(int status, String body) {
    }

    public Path root() {
        return root;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * The bytes of file content moved between socket and disk by channel so far, {@code direction}
     * being {@code upload} or {@code download}: how a test tells which path a transfer took.
     */
    public double bytesByChannel(String direction) {
        Counter counter = context.getBean(MeterRegistry.class).find("fileserver.bytes.by-channel")
                .tag("direction", direction).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }
}
