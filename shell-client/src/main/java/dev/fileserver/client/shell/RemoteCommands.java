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
import dev.fileserver.client.mkdir.FolderCreation;
import dev.fileserver.client.rename.Renaming;

/** Looking at, arranging and deleting what is on the server. */
@Component
class RemoteCommands {

    private static final String GROUP = "Remote files";

    private final ClientSession session;

    private final Feedback feedback;

    RemoteCommands(ClientSession session, Feedback feedback) {
        this.session = session;
        this.feedback = feedback;
    }

    @Command(name = "ls", alias = "list", group = GROUP, description = "List a folder on the server",
            help = "ls [-l] [PATH]: list the names in the server folder PATH (the root when absent); -l adds"
                    + " type, permissions, size and time (sizes in bytes and UTC times when not on a terminal)",
            completionProvider = "remotePathCompletion")
    public void ls(CommandContext context,
            @Option(longName = "long", shortName = 'l', defaultValue = "false",
                    description = "type, permissions, size and time of each entry") boolean detailed,
            @Argument(index = 0, description = "server folder") String path) throws ClientException {
        Arguments.atMost(context, 1, "ls [-l] [PATH]");
        print(context, detailed
                ? feedback.entryFormat().longListing(session.converse(channel -> Listing.listLong(channel, path)))
                : session.converse(channel -> Listing.list(channel, path)));
    }

    @Command(name = "tree", group = GROUP, description = "Show a server folder and everything below it",
            help = "tree [-s] [PATH]: draw the server folder PATH (the root when absent) as a tree; -s adds each"
                    + " file's size and each folder's total",
            completionProvider = "remotePathCompletion")
    public void tree(CommandContext context,
            @Option(longName = "sizes", shortName = 's', defaultValue = "false",
                    description = "each file's size and each folder's total") boolean sizes,
            @Argument(index = 0, description = "server folder") String path) throws ClientException {
        Arguments.atMost(context, 1, "tree [-s] [PATH]");
        print(context, sizes
                ? feedback.entryFormat().tree(session.converse(channel -> Listing.treeLong(channel, path)))
                : session.converse(channel -> Listing.tree(channel, path)));
    }

    @Command(name = "stat", group = GROUP, description = "Show what a server path is",
            help = "stat PATH: the type, size, permissions and modification time of the server path PATH",
            completionProvider = "remotePathCompletion")
    public void stat(CommandContext context, @Argument(index = 0, description = "server path") String path)
            throws ClientException {
        Arguments.atMost(context, 1, "stat PATH");
        String remote = Arguments.required(path, "PATH", "stat PATH");
        print(context, feedback.entryFormat().stat(session.converse(channel -> Listing.stat(channel, remote))));
    }

    @Command(name = "mkdir", group = GROUP, description = "Make a folder on the server",
            help = "mkdir [-p] PATH: make the server folder PATH; -p makes the missing folders above it too and"
                    + " is content with a folder already there",
            completionProvider = "remotePathCompletion")
    public void mkdir(CommandContext context,
            @Option(longName = "parents", shortName = 'p', defaultValue = "false",
                    description = "make missing parent folders too") boolean parents,
            @Argument(index = 0, description = "server folder") String path) throws ClientException {
        Arguments.atMost(context, 1, "mkdir [-p] PATH");
        String remote = Arguments.required(path, "PATH", "mkdir [-p] PATH");
        print(context, session.converse(channel -> FolderCreation.run(channel, remote, parents)));
    }

    @Command(name = "rename", alias = "mv", group = GROUP, description = "Rename or move a server file or folder",
            help = "rename FROM TO, mv FROM TO: give the server path FROM the new path TO, which must be free",
            completionProvider = "remotePathCompletion")
    public void rename(CommandContext context, @Argument(index = 0, description = "server path") String from,
            @Argument(index = 1, description = "new server path") String to) throws ClientException {
        String usage = "rename FROM TO";
        Arguments.atMost(context, 2, usage);
        String source = Arguments.required(from, "FROM", usage);
        String target = Arguments.required(to, "TO", usage);
        print(context, session.converse(channel -> Renaming.run(channel, source, target)));
    }

    @Command(name = "delete", alias = "rm", group = GROUP,
            description = "Delete a file or a folder with everything in it, after confirmation",
            help = "delete [-y|--yes] REMOTE: asks before deleting (for a folder, saying how many files and bytes"
                    + " go); --yes skips the question",
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
