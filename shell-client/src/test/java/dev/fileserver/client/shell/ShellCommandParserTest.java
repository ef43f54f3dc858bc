package dev.fileserver.client.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import dev.fileserver.client.ClientException;

class ShellCommandParserTest {

    final CommandRegistry registry = new CommandRegistry();

    final ShellCommandParser parser = new ShellCommandParser(() -> registry);

    ShellCommandParserTest() {
        registry.registerCommand(Command.builder().name("delete")
                .options(CommandOption.with().longName("yes").shortName('y').defaultValue("false").build())
                .execute((Consumer<CommandContext>) context -> { }));
    }

    /** A line, the rule it shows, and the words a POSIX shell would make of it. */
    record Split(String rule, String line, List<String> words) {

        @Override
        public String toString() {
            return rule + ": [" + line.replace("\t", "\\t") + "]";
        }
    }

    static Stream<Split> quoting() {
        return Stream.of(
                new Split("words are split on a space", "ls docs", List.of("ls", "docs")),
                new Split("a run of spaces splits once", "ls    docs", List.of("ls", "docs")),
                new Split("a tab splits like a space", "ls\tdocs", List.of("ls", "docs")),
                new Split("leading and trailing spaces make no word", "  ls docs  ", List.of("ls", "docs")),
                new Split("a trailing tab makes no word", "ls docs\t", List.of("ls", "docs")),
                new Split("an empty line has no words", "", List.of()),
                new Split("single quotes keep a space in the word", "upload 'my file.txt'",
                        List.of("upload", "my file.txt")),
                new Split("double quotes keep a space in the word", "upload \"my file.txt\"",
                        List.of("upload", "my file.txt")),
                new Split("a backslash keeps the next space in the word", "upload my\\ file.txt",
                        List.of("upload", "my file.txt")),
                new Split("a tab inside quotes stays in the word", "ls 'a\tb'", List.of("ls", "a\tb")),
                new Split("quotes join the letters around them into one word", "ls a'b c'd", List.of("ls", "ab cd")),
                new Split("empty double quotes are an empty word", "ls \"\"", List.of("ls", "")),
                new Split("empty single quotes are an empty word", "ls ''", List.of("ls", "")),
                new Split("a quoted space is a word of its own", "ls \" \" docs", List.of("ls", " ", "docs")),
                new Split("a double quote inside single quotes is a letter", "ls 'say \"hi\"'",
                        List.of("ls", "say \"hi\"")),
                new Split("a single quote inside double quotes is a letter", "ls \"it's\"", List.of("ls", "it's")),
                new Split("a backslash inside single quotes is a letter", "ls 'a\\b'", List.of("ls", "a\\b")),
                new Split("a backslash escapes a double quote inside double quotes", "ls \"say \\\"hi\\\"\"",
                        List.of("ls", "say \"hi\"")),
                new Split("a backslash before a plain letter inside double quotes stays", "ls \"a\\b\"",
                        List.of("ls", "a\\b")),
                new Split("a doubled backslash is one backslash", "ls a\\\\b", List.of("ls", "a\\b")),
                new Split("a backslash escapes a quote outside quotes", "ls it\\'s", List.of("ls", "it's")),
                new Split("a backslash at the end of the line stays", "ls a\\", List.of("ls", "a\\")),
                new Split("an option is a word like any other", "delete --yes 'old photos'",
                        List.of("delete", "--yes", "old photos")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quoting")
    void aLineIsSplitIntoWordsAsAPosixShellSplitsIt(Split split) {
        assertThat(ShellCommandParser.split(split.line())).isEqualTo(split.words());
    }

    @ParameterizedTest(name = "an unclosed quote in [{0}] is a usage error")
    @ValueSource(strings = {"ls \"docs", "ls 'docs", "ls \"it's", "ls 'say \"hi\"", "ls \"a\\\""})
    void anUnclosedQuoteIsAUsageError(String line) {
        StringWriter err = new StringWriter();

        int exitCode = new Dispatcher(registry, parser).execute(line, new PrintWriter(new StringWriter()),
                new PrintWriter(err), new InputReader() { });

        assertThat(exitCode).isEqualTo(ClientException.USAGE);
        assertThat(err.toString()).startsWith("Error: unclosed quote");
    }

    /** A line for {@code delete}, and the path and flag it should come to. */
    record Flag(String line, String path, boolean yes) {

        @Override
        public String toString() {
            return "[" + line + "] deletes '" + path + "'" + (yes ? " without asking" : " after asking");
        }
    }

    static Stream<Flag> flags() {
        return Stream.of(
                new Flag("delete photos", "photos", false),
                new Flag("delete --yes photos", "photos", true),
                new Flag("delete -y photos", "photos", true),
                new Flag("delete photos --yes", "photos", true),
                new Flag("delete photos -y", "photos", true),
                new Flag("delete --yes 'old photos'", "old photos", true),
                new Flag("delete -y old\\ photos", "old photos", true),
                new Flag("delete --yes=true photos", "photos", true),
                new Flag("delete -- --yes", "--yes", false),
                new Flag("delete --yes -- -y", "-y", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void aBooleanOptionIsAFlagThatNeverTakesTheNextWord(Flag flag) {
        ParsedInput parsed = parser.parse(flag.line());

        assertThat(parsed.arguments()).containsExactly(new CommandArgument(0, flag.path()));
        assertThat(parsed.options()).singleElement().satisfies(option -> {
            assertThat(option.longName()).isEqualTo("yes");
            assertThat(option.value()).isEqualTo(String.valueOf(flag.yes()));
        });
    }

    @Test
    void aFlagNotGivenArrivesWithItsDeclaredDefault() {
        registry.registerCommand(Command.builder().name("download")
                .options(CommandOption.with().longName("resume").defaultValue("false").build(),
                        CommandOption.with().longName("keep").defaultValue("true").build(),
                        CommandOption.with().longName("name").defaultValue("").build())
                .execute((Consumer<CommandContext>) context -> { }));

        ParsedInput parsed = parser.parse("download --resume report.pdf");

        assertThat(parsed.options()).extracting(CommandOption::longName, CommandOption::value)
                .containsExactlyInAnyOrder(tuple("resume", "true"), tuple("keep", "true"));
    }

    @Test
    void anUnknownOptionIsAnErrorNamingTheCommand() {
        assertThatThrownBy(() -> parser.parse("delete --force x"))
                .hasMessage("unknown option '--force' for 'delete'");
    }

    @Test
    void helpIsUnderstoodByEveryCommand() {
        assertThat(parser.parse("delete --help").options()).singleElement()
                .satisfies(option -> assertThat(option.longName()).isEqualTo("help"));
    }
}
