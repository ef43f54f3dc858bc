package dev.fileserver.client.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.delete.Deletion;
import dev.fileserver.client.listing.Listing;

/** Looking at and deleting what is on the server. */
@Component
class RemoteCommands {

    private static final String GROUP = "Remote files";

    private final ClientSession session;

    RemoteCommands(ClientSession session) {
        this.session = session;
    }

    @Command(name = "ls", alias = "list", group = GROUP, description = "List a folder on the server",
            help = "ls [PATH]: list the names in the server folder PATH (the root when absent)",
            completionProvider = "remotePathCompletion")
    public void ls(CommandContext context, @Argument(index = 0, description = "server folder") String path)
            throws ClientException {
        Arguments.atMost(context, 1, "ls [PATH]");
        print(context, session.converse(channel -> Listing.list(channel, path)));
    }

    @Command(name = "tree", group = GROUP, description = "Show a server folder and everything below it",
            help = "tree [PATH]: draw the server folder PATH (the root when absent) as a tree",
            completionProvider = "remotePathCompletion")
    public void tree(CommandContext context, @Argument(index = 0, description = "server folder") String path)
            throws ClientException {
        Arguments.atMost(context, 1, "tree [PATH]");
        print(context, session.converse(channel -> Listing.tree(channel, path)));
    }

    @Command(name = "delete", alias = "rm", group = GROUP,
            description = "Delete a file or a folder with everything in it, after confirmation",
            help = "delete [-y|--yes] REMOTE: asks before deleting; --yes skips the question",
            completionProvider = "remotePathCompletion")
    public void delete(CommandContext context,
            @Option(longName = "yes", shortName = 'y', defaultValue = "false",
                    description = "delete without asking") boolean yes,
            @Argument(index = 0, description = "server path") String path) throws ClientException {
        Arguments.atMost(context, 1, "delete [-y] REMOTE");
        String remote = Arguments.required(path, "REMOTE", "delete [-y] REMOTE");
        String report = session.converse(
                channel -> Deletion.run(channel, remote, Confirmations.of(yes, context.inputReader())));
        print(context, report);
    }

    /** A listing ends with a newline per name; print it without adding another. */
    private static void print(CommandContext context, String text) {
        context.outputWriter().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        context.outputWriter().flush();
    }
}
