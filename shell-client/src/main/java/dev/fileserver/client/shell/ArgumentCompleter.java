package dev.fileserver.client.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab completion: command names as Spring Shell completes them; after the command, its options
 * and its completion provider's proposals for the word being typed. Spring Shell 4.0.0's own
 * completer looks commands up by all the words typed so far, so it reaches a provider only on an
 * empty word, and it drops the proposal's "complete" flag that keeps a folder open for more.
 */
final class ArgumentCompleter extends CommandCompleter {

    private final CommandRegistry registry;

    ArgumentCompleter(CommandRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() <= 0) {
            super.complete(reader, line, candidates);
            return;
        }
        Command command = registry.getCommandByName(line.words().get(0));
        if (command == null) {
            return;
        }
        String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (typed.startsWith("-")) {
            for (CommandOption option : command.getOptions()) {
                if (option.longName() != null && !option.longName().isEmpty()) {
                    candidates.add(new Candidate("--" + option.longName(), "--" + option.longName(), null,
                            option.description(), null, null, true));
                }
            }
            return;
        }
        CompletionContext context = new CompletionContext(line.words(), line.wordIndex(), line.wordCursor(),
                command, null);
        for (CompletionProposal proposal : command.getCompletionProvider().apply(context)) {
            candidates.add(new Candidate(proposal.value(), display(proposal.value()), null, null, null, null,
                    proposal.complete()));
        }
    }

    /** The last path component, as {@code ls} would show it. */
    private static String display(String path) {
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        return path.substring(path.lastIndexOf('/', end - 1) + 1);
    }
}
