package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;

/** {@code /list-long}: as {@code /list}, one long listing line per entry (type, size, mode, time, name). */
@Component
class ListLongCommand extends FolderListingCommand {

    ListLongCommand(V1Errors errors, CommandLimits limits) {
        super(errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/list-long");
    }

    @Override
    void render(Request request, StringBuilder text) {
        for (Entry entry : request.store().list(request.path())) {
            text.append(EntryLines.of(entry).format(false)).append('\n');
            checkLength(text);
        }
    }
}
