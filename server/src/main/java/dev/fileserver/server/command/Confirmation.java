package dev.fileserver.server.command;

import java.util.Optional;

import dev.fileserver.server.session.ConversationState.PendingAnswer;
import dev.fileserver.server.session.Outcome;

/** The v1 confirmation turn for one request: only {@code y} proceeds, with any extension options. */
record Confirmation(ConfirmedCommand command, Request request) implements PendingAnswer {

    @Override
    public Outcome answer(String text) {
        if ("y".equals(text)) {
            return command.confirmed(request);
        }
        Optional<AnswerOptions> options = AnswerOptions.of(text);
        return options.isPresent() ? command.confirmed(request, options.get()) : command.declined(request, text);
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
