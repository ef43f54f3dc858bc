package dev.fileserver.client.shell;

import java.io.PrintWriter;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.utils.Utils;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ServerLink;

/**
 * The interactive shell on JLine: history, completion, a prompt that shows the server. A failed
 * command prints its one line and the shell goes on; Ctrl-C during a command cuts its transfer
 * (the next command reconnects), Ctrl-C at the prompt clears the line, Ctrl-D or {@code exit} leaves.
 * <p>
 * Spring Shell's {@code JLineShellRunner} takes Ctrl-C at the prompt for a failure to read and
 * ends the shell; it words failures itself ({@code Unable to run command ...}, and the whole
 * command list after a typo) instead of the one line the commands give; it keeps the answers to
 * y/n questions in the history; and it has no way to cut a transfer on Ctrl-C. So in 4.0.0, and
 * still in 4.0.1.
 */
@Component
@Lazy
class InteractiveShell {

    private final LineReader lineReader;

    private final PromptProvider prompt;

    private final Dispatcher dispatcher;

    private final ClientSession session;

    private final CommandRegistry registry;

    InteractiveShell(LineReader lineReader, PromptProvider prompt, Dispatcher dispatcher,
            ClientSession session, CommandRegistry registry) {
        this.lineReader = lineReader;
        this.prompt = prompt;
        this.dispatcher = dispatcher;
        this.session = session;
        this.registry = registry;
    }

    int run() {
        // completed and explained as in Spring Shell's own shell; the class that holds it starts
        // Hibernate Validator when first used, which a one-shot command has no use for
        registry.registerCommand(Utils.QUIT_COMMAND);
        useEscapingParser(lineReader);
        Terminal terminal = lineReader.getTerminal();
        PrintWriter out = terminal.writer();
        out.println("File server client. Type 'help' for the commands, 'exit' to leave.");
        InputReader answers = new HistoryFreeReader(lineReader);
        session.onFirstUse(Confirmations.firstUse(session, answers));
        session.onSecretNeeded(PasswordPrompts.shell(lineReader));
        try {
            ServerLink link = session.connection();
            out.println(ConnectionCommands.connected(link));
        }
        catch (ClientException e) {
            out.println(e.getMessage());
            out.println("Use 'connect HOST PORT' to choose a server.");
        }
        out.flush();
        while (true) {
            String line;
            try {
                line = lineReader.readLine(prompt.getPrompt().toAnsi(terminal));
            }
            catch (UserInterruptException e) {
                continue;
            }
            catch (EndOfFileException e) {
                break;
            }
            String command = line.strip();
            if (command.isEmpty()) {
                continue;
            }
            if (command.equals("exit") || command.equals("quit")) {
                break;
            }
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.abort());
            try {
                dispatcher.execute(command, out, out, answers);
            }
            finally {
                terminal.handle(Terminal.Signal.INT, previous);
                out.flush();
            }
        }
        return Dispatcher.OK;
    }

    /**
     * Spring Shell's line parser ({@code ExtendedDefaultParser}) does not escape what it completes,
     * so a completed name with a space would split in two: the parsed line JLine gets from it
     * returns every candidate as it is. So in 4.0.0, and still in 4.0.1.
     * JLine's own parser reads the same quotes and backslashes and escapes completions; Spring
     * Shell declares its parser bean unconditionally, hence the swap.
     */
    private static void useEscapingParser(LineReader lineReader) {
        if (lineReader instanceof LineReaderImpl reader) {
            DefaultParser parser = new DefaultParser();
            parser.setEofOnUnclosedQuote(true);
            parser.setEofOnEscapedNewLine(true);
            reader.setParser(parser);
        }
        // history expansion would eat the backslashes of escaped names and the '!' in a name
        lineReader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    }

    /** Answers to a confirmation are not commands: they stay out of the history. */
    private record HistoryFreeReader(LineReader lineReader) implements InputReader {

        @Override
        public String readInput(String prompt) {
            Object previous = lineReader.getVariable(LineReader.DISABLE_HISTORY);
            lineReader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                return lineReader.readLine(prompt);
            }
            finally {
                lineReader.setVariable(LineReader.DISABLE_HISTORY, previous == null ? false : previous);
            }
        }
    }
}
