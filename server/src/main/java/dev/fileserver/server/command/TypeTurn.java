package dev.fileserver.server.command;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.ConversationState.AwaitingAnswer;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.StorageException;

/**
 * The first turn of {@code /download}, {@code /delete} and {@code /upload}: {@code ok}, the path's
 * type in v1 words, then the client's answer is awaited. A missing path gets {@code not_found} and
 * its error text instead of a question.
 */
@Component
class TypeTurn {

    static final String FILE = "file";

    static final String DIRECTORY = "dir";

    static final String NOT_FOUND = "not_found";

    private final V1Errors errors;

    TypeTurn(V1Errors errors) {
        this.errors = errors;
    }

    /** For download and delete: a question only about something that exists. */
    Outcome ask(Request request, EntryType type, ConfirmedCommand command) {
        if (type == EntryType.NOT_FOUND) {
            return Outcome.idle(notFound(request, new NotFoundException(request.path())));
        }
        return askAnyway(Reply.ok().then(type == EntryType.DIRECTORY ? DIRECTORY : FILE), request, type, command);
    }

    /**
     * For upload into something that is not a folder: {@code not_found} and why, and still the
     * question, since the v1 client answers and sends its file whatever it was told.
     */
    Outcome askDespite(StorageException problem, Request request, EntryType type, ConfirmedCommand command) {
        return askAnyway(notFound(request, problem), request, type, command);
    }

    Outcome askAnyway(Reply reply, Request request, EntryType type, ConfirmedCommand command) {
        return Outcome.then(reply, new AwaitingAnswer(new Confirmation(command, request, type)));
    }

    private Reply notFound(Request request, StorageException problem) {
        return Reply.ok().then(NOT_FOUND).then(errors.render(problem, request.displayName()));
    }
}
