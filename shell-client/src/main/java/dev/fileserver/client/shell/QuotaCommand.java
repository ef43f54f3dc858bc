package dev.fileserver.client.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.quota.QuotaFigures;
import dev.fileserver.client.quota.QuotaFormat;

/** {@code df}: how much of its quota the server's store, or a folder in it, uses. */
@Component
class QuotaCommand {

    private final ClientSession session;

    private final ShellStreams streams;

    QuotaCommand(ClientSession session, ShellStreams streams) {
        this.session = session;
        this.streams = streams;
    }

    @Command(name = "df", alias = "quota", group = "Remote files", description = "Show the server's quota and free space",
            help = "df [PATH], quota [PATH]: bytes and files used, allowed and left under the quota that the server"
                    + " path PATH (the root when absent) falls under, and the free space of the server's disk (exact"
                    + " bytes when not on a terminal)",
            completionProvider = "remotePathCompletion")
    public void df(CommandContext context, @Argument(index = 0, description = "server path") String path)
            throws ClientException {
        Arguments.atMost(context, 1, "df [PATH]");
        QuotaFigures figures = session.converse(channel -> QuotaFigures.fetch(channel, path));
        context.outputWriter().print(new QuotaFormat(streams.terminal()).render(figures));
        context.outputWriter().flush();
    }
}
