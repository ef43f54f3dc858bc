package dev.fileserver.server.command;

import java.util.Optional;

import dev.fileserver.server.session.ConversationState.PendingAnswer;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.storage.EntryType;

/**
 * The v1 confirmation turn for one request: only {@code y} proceeds, with any extension options.
 * {@code asked} is what the path was when the question was put, which is what the client answered.
 */
record Confirmation(ConfirmedCommand command, Request request, EntryType asked) implements PendingAnswer {

    @Override
    public Outcome answer(String text) {
        if ("y".equals(text)) {
            return command.confirmed(request, asked);
        }
        Optional<AnswerOptions> options = AnswerOptions.of(text);
        return options.isPresent() ? command.confirmed(request, asked, options.get()) : command.declined(request, text);
    }

    @Override
    public String clientPath() {
        return request.displayName();
    }

    @Override
    public String toString() {
        return "Confirmation[" + request.word() + " '" + request.argument() + "']";
    }
}
