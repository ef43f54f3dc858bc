package dev.fileserver.client.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;

/**
 * Chooses how this run takes its commands: one command from the process arguments, a batch from
 * a file ({@code -b FILE}) or from standard input when it is not a terminal, or the interactive
 * shell. The exit code is the failed command's, or 0.
 * <p>
 * Spring Shell's own runner picks the mode from a property, not from the arguments and the
 * terminal, and its interactive mode ignores the arguments. Its one-shot mode joins the arguments
 * with spaces and splits them again, losing the quoting the user's shell already did; a failed
 * command is only logged, or escapes as a start-up failure with a stack trace, and no exit code
 * tells a script which command failed. A batch comes only from a file named {@code @FILE}, never
 * from standard input, and nothing can be asked. So in 4.0.0, and still in 4.0.1.
 */
@Component
class ClientRunner implements ApplicationRunner, ExitCodeGenerator {

    private final CommandLine commandLine;

    private final ShellStreams streams;

    private final Dispatcher dispatcher;

    private final ClientSession session;

    private final ObjectProvider<InteractiveShell> interactiveShell;

    private final PrintWriter out;

    private final PrintWriter err;

    private BufferedReader stdin;

    private int exitCode;

    ClientRunner(CommandLine commandLine, ShellStreams streams, Dispatcher dispatcher, ClientSession session,
            ObjectProvider<InteractiveShell> interactiveShell) {
        this.commandLine = commandLine;
        this.streams = streams;
        this.dispatcher = dispatcher;
        this.session = session;
        this.interactiveShell = interactiveShell;
        this.out = new PrintWriter(streams.out(), true);
        this.err = new PrintWriter(streams.err(), true);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = commandLine.words();
        session.onFirstUse(Confirmations.firstUse(session, answers()));
        session.onSecretNeeded(PasswordPrompts.commandLine(streams, err, this::stdin));
        try {
            if (commandLine.isBatch()) {
                exitCode = batchFromFile(words);
            }
            else if (!words.isEmpty()) {
                exitCode = isExit(words.get(0)) ? Dispatcher.OK : dispatcher.execute(words, out, err, answers());
            }
            else if (streams.terminal()) {
                exitCode = interactiveShell.getObject().run();
            }
            else {
                exitCode = batch(stdin(), "standard input");
            }
        }
        finally {
            session.disconnect();
            out.flush();
            err.flush();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int batchFromFile(List<String> words) {
        if (words.size() != 2) {
            err.println("Error: usage: -b FILE (a file of commands, one a line; - for standard input)");
            return ClientException.USAGE;
        }
        if (words.get(1).equals("-")) {
            return batch(stdin(), "standard input");
        }
        Path file = Arguments.localPath(words.get(1));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return batch(new BufferedReader(reader), file.toString());
        }
        catch (IOException e) {
            err.println("Error: cannot read the batch file '" + file + "': " + e.getMessage());
            return ClientException.FAILED;
        }
    }

    /** Runs each line in turn; the first failure stops the batch, as it does for {@code sftp -b}. */
    private int batch(BufferedReader lines, String source) {
        int number = 0;
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                if (isExit(command)) {
                    return Dispatcher.OK;
                }
                int code = dispatcher.execute(command, out, err, answers());
                if (code != Dispatcher.OK) {
                    err.println("Stopped at line " + number + " of " + source + ": " + command);
                    return code;
                }
            }
            return Dispatcher.OK;
        }
        catch (IOException e) {
            err.println("Error: cannot read " + source + ": " + e.getMessage());
            return ClientException.FAILED;
        }
    }

    private static boolean isExit(String command) {
        return command.equals("exit") || command.equals("quit");
    }

    /** Confirmations ask on the terminal when there is one, and are refused when there is not. */
    private InputReader answers() {
        return new InputReader() {
            @Override
            public String readInput(String prompt) throws Exception {
                if (!streams.terminal()) {
                    throw new Confirmations.NoOneToAskException(prompt.strip());
                }
                err.print(prompt);
                err.flush();
                return stdin().readLine();
            }
        };
    }

    private BufferedReader stdin() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8));
        }
        return stdin;
    }
}
