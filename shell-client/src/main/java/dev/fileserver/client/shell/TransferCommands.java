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
            help = "upload [--resume] LOCAL [REMOTE_DIR]: send the file or folder LOCAL into the server folder"
                    + " REMOTE_DIR (the root when absent); --resume sends only what the server did not keep of"
                    + " an upload of the same file that was cut",
            completionProvider = "uploadPathCompletion")
    public void upload(CommandContext context,
            @Option(longName = "resume", defaultValue = "false",
                    description = "send only the rest of a cut upload of the same file") boolean resume,
            @Argument(index = 0, description = "local file or folder") String local,
            @Argument(index = 1, description = "server folder") String remoteFolder) throws ClientException {
        String usage = "upload [--resume] LOCAL [REMOTE_DIR]";
        Arguments.atMost(context, 2, usage);
        Path source = Arguments.localPath(Arguments.required(local, "LOCAL", usage));
        TransferSummary summary = session.converse(
                channel -> UploadTransfer.run(channel, source, remoteFolder, feedback.progress(), resume));
        context.outputWriter().println(summary.line());
    }

    @Command(name = "download", alias = "get", group = GROUP,
            description = "Fetch a server file or folder into a local folder",
            help = "download [-y|--yes] [--resume] REMOTE [LOCAL_DIR]: fetch REMOTE into the local folder"
                    + " LOCAL_DIR (the current one when absent); asks before replacing, --yes does not ask; a file"
                    + " download that was cut goes on from where it stopped (--resume, or the same command again)",
            completionProvider = "downloadPathCompletion")
    public void download(CommandContext context,
            @Option(longName = "yes", shortName = 'y', defaultValue = "false",
                    description = "replace an existing local file or folder without asking") boolean yes,
            @Option(longName = "resume", defaultValue = "false",
                    description = "go on with a cut download of the same file") boolean resume,
            @Argument(index = 0, description = "server path") String remote,
            @Argument(index = 1, defaultValue = ".", description = "local folder") String localFolder)
            throws ClientException {
        String usage = "download [-y] [--resume] REMOTE [LOCAL_DIR]";
        Arguments.atMost(context, 2, usage);
        String path = Arguments.required(remote, "REMOTE", usage);
        Path folder = Arguments.localPath(localFolder.isEmpty() ? "." : localFolder);
        TransferSummary summary = session.converse(channel -> download.run(channel, path, folder,
                Confirmations.of(yes, context.inputReader()), feedback.progress(), resume));
        context.outputWriter().println(summary.line());
    }
}
