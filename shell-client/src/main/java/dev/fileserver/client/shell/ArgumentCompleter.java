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
 * and its completion provider's proposals for the word being typed.
 * <p>
 * Spring Shell's {@code CommandCompleter} looks the command up by all the words typed so far (so
 * that a command name may have several words): in {@code ls do} it finds no command {@code ls do}
 * and never asks the provider, which it reaches only on an empty word. At an option it offers
 * {@code -y} and {@code --yes} and the provider's paths all at once. So in 4.0.0, and still in
 * 4.0.1; 4.0.1 did fix the other defect, a proposal's "complete" flag being dropped.
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
