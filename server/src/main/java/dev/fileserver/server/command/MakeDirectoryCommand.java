package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;

/**
 * {@code /mkdir PATH}, and {@code /mkdirs PATH} which makes the missing folders above it too and
 * takes a folder already there as done: {@code ok} and {@code 'PATH' created.}, or one error frame.
 */
@Component
class MakeDirectoryCommand implements Command {

    private static final String WITH_PARENTS = "/mkdirs";

    private final V1Errors errors;

    MakeDirectoryCommand(V1Errors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> words() {
        return Set.of("/mkdir", WITH_PARENTS);
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Outcome handle(Request request) {
        try {
            request.store().makeDirectory(request.path(), request.word().equals(WITH_PARENTS));
        }
        catch (NotFoundException | NotADirectoryException e) {
            // about a folder above the new one: named as the server spells it, not as the whole path
            return Outcome.idle(Reply.text(errors.render(e, null)));
        }
        return Outcome.idle(Reply.ok().then("'" + request.displayName() + "' created."));
    }
}
