package dev.fileserver.client.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ParsedInput;

class ShellCommandParserTest {

    final CommandRegistry registry = new CommandRegistry();

    final ShellCommandParser parser = new ShellCommandParser(() -> registry);

    ShellCommandParserTest() {
        registry.registerCommand(Command.builder().name("delete")
                .options(CommandOption.with().longName("yes").shortName('y').defaultValue("false").build())
                .execute((Consumer<CommandContext>) context -> { }));
    }

    @Test
    void quotesAndBackslashesKeepAPathWithSpacesInOneWord() {
        assertThat(ShellCommandParser.split("upload \"my file.txt\" 'my docs' a\\ b \"say \\\"hi\\\"\""))
                .containsExactly("upload", "my file.txt", "my docs", "a b", "say \"hi\"");
    }

    @Test
    void anEmptyQuotedWordIsKept() {
        assertThat(ShellCommandParser.split("ls \"\"")).containsExactly("ls", "");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> ShellCommandParser.split("ls \"docs")).hasMessageContaining("unclosed quote");
    }

    @Test
    void aBooleanOptionIsAFlagThatTakesNoValue() {
        ParsedInput parsed = parser.parse("delete -y photos");

        assertThat(parsed.options()).singleElement().satisfies(option -> {
            assertThat(option.longName()).isEqualTo("yes");
            assertThat(option.value()).isEqualTo("true");
        });
        assertThat(parsed.arguments()).containsExactly(new CommandArgument(0, "photos"));
        assertThat(parser.parse("delete photos --yes").options()).hasSize(1);
    }

    @Test
    void aDoubleDashEndsTheOptionsSoANameMayStartWithADash() {
        ParsedInput parsed = parser.parse(List.of("delete", "--yes", "--", "-odd name"));

        assertThat(parsed.arguments()).containsExactly(new CommandArgument(0, "-odd name"));
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
