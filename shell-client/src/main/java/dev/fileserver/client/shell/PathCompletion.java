package dev.fileserver.client.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.listing.Listing;

/**
 * Completes the path arguments of a command: a remote one by asking the server for the folder
 * being typed, a local one from the disk. A folder completes with a trailing {@code /} so the
 * next Tab goes on into it.
 */
final class PathCompletion implements CompletionProvider {

    enum Side {
        LOCAL, REMOTE
    }

    private final ClientSession session;

    private final List<Side> arguments;

    private PathCompletion(ClientSession session, Side... arguments) {
        this.session = session;
        this.arguments = Arrays.asList(arguments);
    }

    static PathCompletion of(ClientSession session, Side... arguments) {
        return new PathCompletion(session, arguments);
    }

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        String typed = context.currentWordUpToCursor() == null ? "" : context.currentWordUpToCursor();
        int index = argumentIndex(context);
        if (typed.startsWith("-") || index < 0 || index >= arguments.size()) {
            return List.of();
        }
        return arguments.get(index) == Side.REMOTE ? remote(typed) : local(typed);
    }

    /** Which argument the cursor is in: words before it, less the command and the options. */
    private static int argumentIndex(CompletionContext context) {
        List<String> words = context.getWords();
        int index = 0;
        for (int i = 1; i < context.getWordIndex() && i < words.size(); i++) {
            if (!(words.get(i).startsWith("-") && words.get(i).length() > 1)) {
                index++;
            }
        }
        return context.getWordIndex() < 1 ? -1 : index;
    }

    private List<CompletionProposal> remote(String typed) {
        String folder = typed.substring(0, typed.lastIndexOf('/') + 1);
        String prefix = typed.substring(folder.length());
        List<String> names = new ArrayList<>();
        try {
            for (String name : session.converse(channel -> Listing.list(channel, folder)).split("\n")) {
                if (!name.isEmpty() && name.startsWith(prefix)) {
                    names.add(name);
                }
            }
            if (names.size() == 1) {
                // the only candidate: worth one more request to know whether to go on into it
                String path = folder + names.get(0);
                return List.of(isRemoteFolder(path) ? folderProposal(path) : fileProposal(path));
            }
        }
        catch (ClientException e) {
            return List.of();
        }
        return names.stream().map(name -> new CompletionProposal(folder + name).complete(false)).toList();
    }

    private boolean isRemoteFolder(String path) {
        try {
            session.converse(channel -> Listing.list(channel, path));
            return true;
        }
        catch (ClientException e) {
            return false;
        }
    }

    private static List<CompletionProposal> local(String typed) {
        String folder = typed.substring(0, typed.lastIndexOf('/') + 1);
        String prefix = typed.substring(folder.length());
        Path directory = folder.isEmpty() ? Path.of(".") : Arguments.localPath(folder);
        List<CompletionProposal> proposals = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && (prefix.startsWith(".") || !name.startsWith("."))) {
                    proposals.add(Files.isDirectory(entry) ? folderProposal(folder + name)
                            : fileProposal(folder + name));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return List.of();
        }
        return proposals;
    }

    private static CompletionProposal folderProposal(String path) {
        return new CompletionProposal(path + "/").complete(false);
    }

    private static CompletionProposal fileProposal(String path) {
        return new CompletionProposal(path).complete(true);
    }
}
