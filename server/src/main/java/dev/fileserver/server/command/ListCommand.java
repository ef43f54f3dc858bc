package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.Names;

/** {@code /list}: the names in a folder, one per line. */
@Component
class ListCommand extends FolderListingCommand {

    ListCommand(V1Errors errors, CommandLimits limits) {
        super(errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/list", "/ls");
    }

    /** A name holding a control character (made on disk by someone else) is listed escaped, on its one line. */
    @Override
    void render(Request request, StringBuilder text) {
        for (Entry entry : request.store().list(request.path())) {
            text.append(Names.visible(entry.name())).append('\n');
            checkLength(text);
        }
    }
}
