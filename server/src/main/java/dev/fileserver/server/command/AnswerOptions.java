package dev.fileserver.server.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an extension client adds to its {@code y}: {@code y KEY=VALUE FLAG ...}, words separated by
 * one space, {@code name=} last and running to the end of the frame so that a name may hold
 * spaces. A v1 client only ever answers {@code y} or {@code n}.
 */
record AnswerOptions(String answer, Map<String, String> values) {

    static final AnswerOptions NONE = new AnswerOptions("y", Map.of());

    private static final String NAME = "name";

    /** The options of a {@code y}; empty for any other answer, which declines. */
    static Optional<AnswerOptions> of(String answer) {
        if (answer.equals("y")) {
            return Optional.of(NONE);
        }
        if (!answer.startsWith("y ")) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        String rest = answer.substring(2);
        while (!rest.isEmpty()) {
            if (rest.startsWith(NAME + "=")) {
                values.put(NAME, rest.substring(NAME.length() + 1));
                break;
            }
            int space = rest.indexOf(' ');
            String word = space < 0 ? rest : rest.substring(0, space);
            int equals = word.indexOf('=');
            values.put(equals < 0 ? word : word.substring(0, equals), equals < 0 ? "" : word.substring(equals + 1));
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        return Optional.of(new AnswerOptions(answer, Map.copyOf(values)));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key) {
        return values.getOrDefault(key, "");
    }

    /** A non-negative number, or -1 when absent or not one. */
    long number(String key) {
        try {
            long value = Long.parseLong(text(key));
            return value < 0 ? -1 : value;
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }
}
