package dev.fileserver.client.shell;

import java.nio.file.Path;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.download.DownloadTransfer;
import dev.fileserver.client.progress.TransferSummary;
import dev.fileserver.client.upload.UploadTransfer;

/** Moving files and folders between here and the server. */
@Component
class TransferCommands {

    private static final String GROUP = "Transfers";

    private final ClientSession session;

    private final DownloadTransfer download;

    private final Feedback feedback;

    TransferCommands(ClientSession session, DownloadTransfer download, Feedback feedback) {
        this.session = session;
        this.download = download;
        this.feedback = feedback;
    }

    @Command(name = "upload", alias = "put", group = GROUP,
            description = "Send a local file or folder to a server folder",
            help = "upload LOCAL [REMOTE_DIR]: send the file or folder LOCAL into the server folder"
                    + " REMOTE_DIR (the root when absent)",
            completionProvider = "uploadPathCompletion")
    public void upload(CommandContext context, @Argument(index = 0, description = "local file or folder") String local,
            @Argument(index = 1, description = "server folder") String remoteFolder) throws ClientException {
        String usage = "upload LOCAL [REMOTE_DIR]";
        Arguments.atMost(context, 2, usage);
        Path source = Arguments.localPath(Arguments.required(local, "LOCAL", usage));
        TransferSummary summary = session.converse(
                channel -> UploadTransfer.run(channel, source, remoteFolder, feedback.progress()));
        context.outputWriter().println(summary.line());
    }

    @Command(name = "download", alias = "get", group = GROUP,
            description = "Fetch a server file or folder into a local folder",
            help = "download [-y|--yes] REMOTE [LOCAL_DIR]: fetch REMOTE into the local folder LOCAL_DIR"
                    + " (the current one when absent); asks before replacing, --yes does not ask",
            completionProvider = "downloadPathCompletion")
    public void download(CommandContext context,
            @Option(longName = "yes", shortName = 'y', defaultValue = "false",
                    description = "replace an existing local file or folder without asking") boolean yes,
            @Argument(index = 0, description = "server path") String remote,
            @Argument(index = 1, defaultValue = ".", description = "local folder") String localFolder)
            throws ClientException {
        String usage = "download [-y] REMOTE [LOCAL_DIR]";
        Arguments.atMost(context, 2, usage);
        String path = Arguments.required(remote, "REMOTE", usage);
        Path folder = Arguments.localPath(localFolder.isEmpty() ? "." : localFolder);
        TransferSummary summary = session.converse(channel -> download.run(channel, path, folder,
                Confirmations.of(yes, context.inputReader()), feedback.progress()));
        context.outputWriter().println(summary.line());
    }
}
