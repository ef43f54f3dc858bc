package dev.fileserver.client.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Parses a command line as a POSIX shell user expects. Words are split on blanks, and single
 * quotes, double quotes and backslashes keep a path with spaces in one word. An option declared
 * with a boolean default ({@code --yes}, {@code -y}) is a flag and takes no value, so
 * {@code delete -y photos} deletes {@code photos}. {@code --} ends the options.
 * <p>
 * Spring Shell's {@code DefaultCommandParser} knows double quotes only, and gives every option the
 * next word as its value, so {@code delete -y photos} read {@code photos} as the value of
 * {@code -y}: so in 4.0.0, and still in 4.0.1, which takes a boolean option as a flag only at the
 * end of the line or before another option, splits {@code 'my docs'} and {@code my\ docs} in two
 * and drops an empty {@code ""}.
 */
public final class ShellCommandParser implements CommandParser {

    private static final CommandOption HELP = CommandOption.with().shortName('h').longName("help").value("true")
            .build();

    private final Supplier<CommandRegistry> registry;

    public ShellCommandParser(Supplier<CommandRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public ParsedInput parse(String input) {
        return parse(split(input));
    }

    /** Parses words already split, as the arguments of a one-shot run are. */
    public ParsedInput parse(List<String> words) {
        if (words.isEmpty() || words.get(0).isBlank()) {
            throw new IllegalArgumentException("no command given");
        }
        ParsedInput.Builder parsed = ParsedInput.builder().commandName(words.get(0));
        Command command = registry.get().getCommandByName(words.get(0));
        Set<CommandOption> given = new HashSet<>();
        boolean helpAsked = false;
        boolean optionsEnded = false;
        int argumentIndex = 0;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            }
            else if (!optionsEnded && word.length() > 1 && word.startsWith("-")) {
                String name = word.startsWith("--") ? word.substring(2) : word.substring(1, 2);
                String value = inlineValue(word);
                if (name.contains("=")) {
                    name = name.substring(0, name.indexOf('='));
                }
                if (name.equals("help") || name.equals("h")) {
                    parsed.addOption(HELP);
                    helpAsked = true;
                    continue;
                }
                CommandOption declared = declared(command, word, name);
                if (value == null) {
                    if (isFlag(declared)) {
                        value = "true";
                    }
                    else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    }
                    else {
                        throw new IllegalArgumentException("option '" + word + "' needs a value");
                    }
                }
                given.add(declared);
                parsed.addOption(withValue(declared, value));
            }
            else {
                parsed.addArgument(new CommandArgument(argumentIndex++, word));
            }
        }
        if (!helpAsked) {
            // Spring Shell shows a command's help only when help is its one option
            absentFlags(command, given).forEach(parsed::addOption);
        }
        return parsed.build();
    }

    /**
     * The flags of {@code command} not in {@code given}, with their declared defaults. Spring Shell
     * fills an absent {@code boolean} option from a class whose first use bootstraps Hibernate
     * Validator, a tenth of a one-shot command's start-up, though no command here declares a
     * constraint; given the default, it only converts it. So in 4.0.1.
     */
    private static List<CommandOption> absentFlags(Command command, Set<CommandOption> given) {
        if (command == null) {
            return List.of();
        }
        return command.getOptions().stream().filter(ShellCommandParser::isFlag)
                .filter(option -> !given.contains(option)).map(option -> withValue(option, option.defaultValue()))
                .toList();
    }

    private static CommandOption withValue(CommandOption declared, String value) {
        return CommandOption.with().shortName(declared.shortName())
                .longName(declared.longName() == null ? "" : declared.longName()).value(value).build();
    }

    private static String inlineValue(String word) {
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            return equals < 0 ? null : word.substring(equals + 1);
        }
        if (word.length() == 2) {
            return null;
        }
        return word.charAt(2) == '=' ? word.substring(3) : word.substring(2);
    }

    private static CommandOption declared(Command command, String word, String name) {
        if (command != null) {
            for (CommandOption option : command.getOptions()) {
                if (name.equals(option.longName()) || (name.length() == 1 && option.shortName() == name.charAt(0))) {
                    return option;
                }
            }
        }
        String where = command == null ? "" : " for '" + command.getName() + "'";
        throw new IllegalArgumentException("unknown option '" + word + "'" + where);
    }

    private static boolean isFlag(CommandOption option) {
        return "false".equals(option.defaultValue()) || "true".equals(option.defaultValue());
    }

    /** Splits a line into words; quotes and backslashes work as in a POSIX shell. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '\\' && i + 1 < line.length()
                    && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
                word.append(line.charAt(++i));
                inWord = true;
            }
            else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            }
            else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            }
            else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
