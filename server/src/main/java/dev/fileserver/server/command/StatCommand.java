package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;


/** {@code /stat PATH}: answered as {@code /list} is, the text being the path's one long listing line. */
@Component
class StatCommand extends FolderListingCommand {

    StatCommand(V1Errors errors, CommandLimits limits) {
        super(errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/stat");
    }

    @Override
    void render(Request request, StringBuilder text) {
        text.append(EntryLines.of(request.store().stat(request.path())).format(false)).append('\n');
    }
}
