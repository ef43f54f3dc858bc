package dev.fileserver.server.command;

import dev.fileserver.server.session.ConversationState.PendingAnswer;
import dev.fileserver.server.session.Outcome;

/** The v1 confirmation turn for one request: only {@code y} proceeds. */
record Confirmation(ConfirmedCommand command, Request request) implements PendingAnswer {

    @Override
    public Outcome answer(String text) {
        return "y".equals(text) ? command.confirmed(request) : command.declined(request, text);
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
