package dev.fileserver.server.session;

/** What a turn of the conversation sends back, and the state it leaves the conversation in. */
public record Outcome(Reply reply, ConversationState next) {

    public static Outcome idle(Reply reply) {
        return new Outcome(reply, ConversationState.IDLE);
    }

    public static Outcome then(Reply reply, ConversationState next) {
        return new Outcome(reply, next);
    }

    /** Sends the reply, then closes the connection. */
    public static Outcome closing(Reply reply) {
        return new Outcome(reply, new ConversationState.Closing());
    }
}
