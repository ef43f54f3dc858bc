package dev.fileserver.client.shell;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.springframework.core.convert.ConversionException;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandCreationException;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import dev.fileserver.client.ClientException;

/**
 * Runs one command line through Spring Shell's registry and turns whatever went wrong into one
 * readable line on the error writer and an exit code: the one place where failures become text.
 */
public final class Dispatcher {

    public static final int OK = 0;

    private final CommandRegistry registry;

    private final ShellCommandParser parser;

    public Dispatcher(CommandRegistry registry, ShellCommandParser parser) {
        this.registry = registry;
        this.parser = parser;
    }

    public int execute(String line, PrintWriter out, PrintWriter err, InputReader reader) {
        List<String> words;
        try {
            words = ShellCommandParser.split(line);
        }
        catch (IllegalArgumentException e) {
            return report(err, "Error: " + e.getMessage(), ClientException.USAGE);
        }
        return execute(words, out, err, reader);
    }

    public int execute(List<String> words, PrintWriter out, PrintWriter err, InputReader reader) {
        try {
            ParsedInput parsed;
            try {
                parsed = parser.parse(words);
            }
            catch (IllegalArgumentException e) {
                return report(err, "Error: " + e.getMessage(), ClientException.USAGE);
            }
            ExitStatus status = new CommandExecutor(registry).execute(new CommandContext(parsed, registry, out, reader));
            if (status.code() == ExitStatus.OK.code()) {
                return OK;
            }
            return report(err, "Error: " + words.get(0) + " failed (" + status.description() + ")",
                    status.code() == ExitStatus.USAGE_ERROR.code() ? ClientException.USAGE : ClientException.FAILED);
        }
        catch (CommandNotFoundException e) {
            return report(err, "Error: unknown command '" + e.getCommandName() + "'; type 'help' to see the commands",
                    ClientException.USAGE);
        }
        catch (CommandExecutionException e) {
            return report(err, e);
        }
        catch (CommandCreationException e) {
            // a command is made at its first use (DeferredCommand): what its bean lacked, in one line
            return report(err, "Error: " + rootMessage(e), ClientException.FAILED);
        }
        finally {
            out.flush();
        }
    }

    private static int report(PrintWriter err, CommandExecutionException e) {
        Throwable cause = e.getCause();
        while ((cause instanceof InvocationTargetException || cause instanceof CommandExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ClientException failure) {
            return report(err, failure.getMessage(), failure.exitCode());
        }
        if (cause instanceof IllegalArgumentException || cause instanceof ConversionException) {
            return report(err, "Error: " + rootMessage(cause), ClientException.USAGE);
        }
        return report(err, "Error: " + rootMessage(cause == null ? e : cause), ClientException.FAILED);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static int report(PrintWriter err, String message, int exitCode) {
        err.println(message);
        err.flush();
        return exitCode;
    }
}
