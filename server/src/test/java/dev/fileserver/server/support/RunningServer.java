package dev.fileserver.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, String> args = new LinkedHashMap<>();
        args.put("fileserver.root", root.toString());
        args.put("fileserver.port", "0");
        args.put("server.port", "0");
        for (String property : properties) {
            String[] keyValue = property.replaceFirst("^--", "").split("=", 2);
            args.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FileServerApplication.class)
                .run(args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
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

    public V1Client connect() {
        return V1Client.connect(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
