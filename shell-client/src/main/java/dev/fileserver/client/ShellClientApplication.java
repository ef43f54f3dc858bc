package dev.fileserver.client;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.fileserver.client.shell.CommandLine;
import dev.fileserver.client.shell.ShellStreams;

@SpringBootApplication
public class ShellClientApplication {

    static final String CONFIG_NAME = "fileserver-client";

    public static void main(String[] args) {
        System.exit(run(ShellStreams.system(), args));
    }

    /**
     * Runs the client: one command, a batch, or the interactive shell, as {@code args} say.
     * Returns the exit code: 0, or that of the command that failed.
     */
    public static int run(ShellStreams streams, String... args) {
        CommandLine commandLine = CommandLine.of(args);
        SpringApplication application = new SpringApplication(ShellClientApplication.class);
        // a name of its own, so that a server sharing the classpath (in tests) keeps its own settings
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("commandLine", commandLine);
            context.getBeanFactory().registerSingleton("shellStreams", streams);
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run(commandLine.properties().toArray(String[]::new));
        }
        catch (RuntimeException e) {
            streams.err().println("Error: the client could not start: " + rootMessage(e));
            return ClientException.FAILED;
        }
        return SpringApplication.exit(context);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
