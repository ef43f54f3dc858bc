package dev.fileserver.server.command;

/** The v1 confirmation turn: only {@code y} proceeds; anything else, a command included, declines. */
final class Answers {

    private Answers() {
    }

    static boolean isYes(String answer) {
        return "y".equals(answer);
    }
}
