package dev.fileserver.client.shell;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import dev.fileserver.client.connection.LoginRefusedException;
import dev.fileserver.client.connection.SecretPrompt;
import dev.fileserver.client.connection.ServerAddress;

/**
 * Asks for an account's password as ssh does ({@code alice@host:port's password: }), with nothing
 * echoed and nothing kept in the history; with no one at a terminal the login is refused, saying
 * how to give the secret instead.
 */
final class PasswordPrompts {

    private static final char NO_ECHO = '\0';

    private PasswordPrompts() {
    }

    /** In the interactive shell, through JLine's own reader. */
    static SecretPrompt shell(LineReader lineReader) {
        return (user, address) -> {
            Object history = lineReader.getVariable(LineReader.DISABLE_HISTORY);
            lineReader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                return lineReader.readLine(question(user, address), NO_ECHO);
            }
            catch (UserInterruptException | EndOfFileException e) {
                throw cancelled();
            }
            finally {
                lineReader.setVariable(LineReader.DISABLE_HISTORY, history == null ? false : history);
            }
        };
    }

    /**
     * For a one-shot command or a batch: the console when the process has one; standard input when
     * a terminal was claimed without one (a test's, or a terminal emulator's pipe).
     */
    static SecretPrompt commandLine(ShellStreams streams, PrintWriter err, Supplier<BufferedReader> stdin) {
        return (user, address) -> {
            if (!streams.terminal()) {
                return SecretPrompt.NO_ONE_TO_ASK.secretFor(user, address);
            }
            Console console = System.console();
            if (console != null && streams.in() == System.in) {
                char[] typed = console.readPassword("%s", question(user, address));
                if (typed == null) {
                    throw cancelled();
                }
                return new String(typed);
            }
            err.print(question(user, address));
            err.flush();
            try {
                String line = stdin.get().readLine();
                if (line == null) {
                    throw cancelled();
                }
                return line;
            }
            catch (IOException e) {
                throw cancelled();
            }
        };
    }

    private static String question(String user, ServerAddress address) {
        return user + "@" + address + "'s password: ";
    }

    private static LoginRefusedException cancelled() {
        return new LoginRefusedException("Error: login cancelled: no password was given");
    }
}
