package dev.fileserver.client.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The process arguments, split into Spring properties ({@code --fileserver.port=9000}, leading
 * only) and the words of a one-shot command ({@code ls docs}) or of batch mode ({@code -b FILE}).
 */
public record CommandLine(List<String> properties, List<String> words) {

    public CommandLine {
        properties = List.copyOf(properties);
        words = List.copyOf(words);
    }

    public static CommandLine of(String... args) {
        List<String> properties = new ArrayList<>();
        int i = 0;
        while (i < args.length && isProperty(args[i])) {
            properties.add(args[i++]);
        }
        return new CommandLine(properties, List.of(args).subList(i, args.length));
    }

    /** {@code --name.with.dots=value}: how Spring Boot takes a property from the command line. */
    private static boolean isProperty(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).indexOf('.') > 0;
    }

    public boolean isBatch() {
        return !words.isEmpty() && (words.get(0).equals("-b") || words.get(0).equals("--batch"));
    }
}
