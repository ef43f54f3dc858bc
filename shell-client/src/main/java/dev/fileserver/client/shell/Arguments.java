package dev.fileserver.client.shell;

import java.nio.file.Path;

import org.springframework.shell.core.command.CommandContext;

/** Argument checks shared by the commands. */
final class Arguments {

    private Arguments() {
    }

    static void atMost(CommandContext context, int count, String usage) throws UsageException {
        if (context.parsedInput().arguments().size() > count) {
            throw new UsageException("Error: too many arguments; usage: " + usage
                    + " (quote a path that contains spaces)");
        }
    }

    static String required(String value, String what, String usage) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("Error: " + what + " is missing; usage: " + usage);
        }
        return value;
    }

    /** A local path as typed, with a leading {@code ~} standing for the home folder. */
    static Path localPath(String typed) {
        if (typed.equals("~") || typed.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + typed.substring(1));
        }
        return Path.of(typed);
    }
}
