package dev.fileserver.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.ShellClientApplication;
import dev.fileserver.client.support.RealServer;

/**
 * The client's registry holds its commands unmade: a command's bean is made when the command is
 * first used, and what the registry told before that is what Spring Shell's own command says.
 */
class DeferredCommandTest {

    @RegisterExtension
    static final RealServer server = new RealServer();

    /** A context of its own for each test: a test that makes commands makes them for good. */
    ConfigurableApplicationContext client;

    @BeforeEach
    void startClient() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        client = ShellClientApplication.application(new ShellStreams(InputStream.nullInputStream(), quiet, quiet, false),
                CommandLine.of("exit")).run("--fileserver.port=" + server.port());
    }

    @AfterEach
    void stopClient() {
        client.close();
    }

    @Test
    void aCommandsBeanIsMadeOnlyWhenTheCommandIsFirstUsed() {
        List<DeferredCommand> commands = deferred();

        assertThat(commands).extracting(Command::getName).contains("upload", "download", "ls", "df", "connect");
        assertThat(client.getBeanFactory().containsSingleton("transferCommands")).isFalse();
        assertThat(client.getBeanFactory().containsSingleton("quotaCommand")).isFalse();

        DeferredCommand upload = commands.stream().filter(command -> command.getName().equals("upload")).findFirst()
                .orElseThrow();
        assertThat(upload.getOptions()).isNotEmpty();
        assertThat(client.getBeanFactory().containsSingleton("transferCommands")).isTrue();
        assertThat(client.getBeanFactory().containsSingleton("quotaCommand")).isFalse();
    }

    @Test
    void whatTheRegistryTellsOfACommandIsWhatSpringShellMakesOfIt() {
        for (DeferredCommand command : deferred()) {
            Command made = command.made();
            assertThat(command.getName()).as("name").isEqualTo(made.getName());
            assertThat(command.getAliases()).as("aliases of %s", command).isEqualTo(made.getAliases());
            assertThat(command.getGroup()).as("group of %s", command).isEqualTo(made.getGroup());
            assertThat(command.getDescription()).as("description of %s", command).isEqualTo(made.getDescription());
            assertThat(command.isHidden()).as("hidden %s", command).isEqualTo(made.isHidden());
        }
    }

    /** A command whose bean the context lacks: it can be registered, and fails only when used. */
    static class Unmade {

        @org.springframework.shell.core.command.annotation.Command(name = "unmade", group = "Tests",
                description = "a command whose bean is missing")
        public void unmade() {
        }
    }

    @Test
    void aCommandThatCannotBeMadeFailsInOneLineWhenUsedAndNotBefore() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.registerCommand(DeferredCommand.of(Unmade.class.getMethod("unmade"), client));
        Dispatcher dispatcher = new Dispatcher(registry, new ShellCommandParser(() -> registry));
        StringWriter err = new StringWriter();

        int code = dispatcher.execute("unmade", new PrintWriter(new StringWriter()), new PrintWriter(err), null);

        assertThat(code).isEqualTo(ClientException.FAILED);
        assertThat(err.toString()).startsWith("Error: ").contains(Unmade.class.getName()).hasLineCount(1);
    }

    private List<DeferredCommand> deferred() {
        return client.getBean(CommandRegistry.class).getCommands().stream()
                .filter(DeferredCommand.class::isInstance).map(DeferredCommand.class::cast).toList();
    }
}
