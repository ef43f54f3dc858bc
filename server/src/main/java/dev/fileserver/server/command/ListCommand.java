package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.FileStore;

/** {@code /list}: the names in a folder, one per line. */
@Component
class ListCommand extends FolderListingCommand {

    ListCommand(FileStore store, V1Errors errors, CommandLimits limits) {
        super(store, errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/list", "/ls");
    }

    @Override
    void render(Request request, StringBuilder text) {
        for (Entry entry : store.list(request.path())) {
            text.append(entry.name()).append('\n');
            checkLength(text);
        }
    }
}
