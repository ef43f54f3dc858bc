package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.ConversationState.AwaitingSecret;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;

/**
 * {@code /login NAME}: {@code password}, then the client's next frame is its password or an API
 * token of the account, which the conversation checks. Without a name, or once logged in, one error
 * frame and no question.
 */
@Component
class LoginCommand implements Command {

    static final String ASK = "password";

    private final V1Errors errors;

    LoginCommand(V1Errors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> words() {
        return Set.of("/login");
    }

    @Override
    public boolean takesPath() {
        return false;
    }

    @Override
    public Outcome handle(Request request) {
        if (request.argument().isEmpty()) {
            return Outcome.idle(Reply.text(V1Errors.LOGIN_USAGE));
        }
        if (request.caller().login() != null) {
            return Outcome.idle(Reply.text(errors.alreadyLoggedIn(request.caller().login().account())));
        }
        return Outcome.then(Reply.text(ASK), new AwaitingSecret(request.argument()));
    }
}
