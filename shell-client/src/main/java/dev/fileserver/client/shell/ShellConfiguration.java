package dev.fileserver.client.shell;

import jakarta.validation.Validator;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.PromptProvider;

import dev.fileserver.client.connection.Account;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.shell.PathCompletion.Side;

/** The shell around the conversations: parsing, dispatch, completion, prompt and terminal. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ShellStreams shellStreams() {
        return ShellStreams.system();
    }

    @Bean
    @ConditionalOnMissingBean
    CommandLine commandLine(ApplicationArguments arguments) {
        return CommandLine.of(arguments.getSourceArgs());
    }

    @Bean
    Feedback feedback(ShellStreams streams) {
        return new Feedback(streams);
    }

    @Bean
    CommandRegistry commandRegistry(ConfigurableListableBeanFactory beans, ApplicationContext context) {
        return CommandMethods.registry(beans, context);
    }

    @Bean
    Validator commandArgumentValidator() {
        return new NoConstraints();
    }

    @Bean
    ShellCommandParser commandParser(ObjectProvider<CommandRegistry> registry) {
        return new ShellCommandParser(registry::getObject);
    }

    @Bean
    Dispatcher dispatcher(CommandRegistry registry, ShellCommandParser parser) {
        return new Dispatcher(registry, parser);
    }

    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry) {
        return new ArgumentCompleter(registry);
    }

    @Bean
    CompletionProvider remotePathCompletion(ClientSession session) {
        return PathCompletion.of(session, Side.REMOTE);
    }

    @Bean
    CompletionProvider uploadPathCompletion(ClientSession session) {
        return PathCompletion.of(session, Side.LOCAL, Side.REMOTE);
    }

    @Bean
    CompletionProvider downloadPathCompletion(ClientSession session) {
        return PathCompletion.of(session, Side.REMOTE, Side.LOCAL);
    }

    @Bean
    PromptProvider promptProvider(ClientSession session) {
        return () -> new AttributedString(
                "fileserver " + (session.isConnected()
                        ? account(session.account()) + session.target() + (session.target().tls() ? " (tls)" : "")
                        : "(not connected)") + "> ",
                AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    /** {@code alice@} before the server, as ssh users read it; nothing when anonymous. */
    private static String account(Account account) {
        return account.anonymous() ? "" : account.name() + "@";
    }

    /**
     * Ctrl-C reaches the JVM as a signal while a command runs; routed through JLine, the shell can
     * cut the transfer instead of the process being killed with a half-written temporary file.
     */
    @Bean
    TerminalCustomizer interruptibleCommands() {
        return builder -> builder.nativeSignals(true).signalHandler(Terminal.SignalHandler.SIG_IGN);
    }
}
