package dev.fileserver.client;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;
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
        ConfigurableApplicationContext context;
        try {
            context = application(streams, commandLine).run(commandLine.properties().toArray(String[]::new));
        }
        catch (SpringApplication.AbandonedRunException e) {
            // how the build's AOT processing and a CDS training run stop the application once refreshed
            throw e;
        }
        catch (RuntimeException e) {
            streams.err().println("Error: the client could not start: " + startFailure(e));
            return ClientException.FAILED;
        }
        return SpringApplication.exit(context);
    }

    /** The client application for {@code commandLine}, reading and writing {@code streams}. */
    public static SpringApplication application(ShellStreams streams, CommandLine commandLine) {
        SpringApplication application = new SpringApplication(ShellClientApplication.class);
        // settings of its own name, apart from any other application's on the same classpath
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("commandLine", commandLine);
            context.getBeanFactory().registerSingleton("shellStreams", streams);
        });
        return application;
    }

    /** A setting that cannot be read is named with the value given; anything else by its root cause. */
    private static String startFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && bind.getProperty() != null) {
                return "the setting " + bind.getProperty().getName() + " cannot be \"" + bind.getProperty().getValue()
                        + "\" (" + rootMessage(bind) + ")";
            }
        }
        return rootMessage(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
