package dev.fileserver.client.shell;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandCreationException;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.util.function.SingletonSupplier;

/**
 * The command of an {@code @Command} method, made by Spring Shell's {@link CommandFactoryBean} the
 * first time it is parsed, run, completed or explained, not when the registry is filled: making one
 * makes its bean and everything that bean needs, and a one-shot command needs only its own. What
 * finding a command by name and listing them all read (name, aliases, group, description,
 * visibility) comes from the annotation, which must therefore spell them out.
 * <p>
 * Equal by name, as Spring Shell's own commands are: a registry holds one command of a name.
 */
final class DeferredCommand implements Command {

    private final String name;

    private final List<String> aliases;

    private final String group;

    private final String description;

    private final boolean hidden;

    private final SingletonSupplier<Command> made;

    private DeferredCommand(org.springframework.shell.core.command.annotation.Command declared,
            CommandFactoryBean factory) {
        this.name = String.join(" ", declared.name());
        this.aliases = List.of(declared.alias());
        this.group = declared.group();
        this.description = declared.description();
        this.hidden = declared.hidden();
        this.made = SingletonSupplier.of(factory::getObject);
    }

    /** The command of {@code method}, whose declaring class is a bean of {@code context}. */
    static DeferredCommand of(Method method, ApplicationContext context) {
        // read as Spring Shell reads it, aliases and meta-annotations included
        org.springframework.shell.core.command.annotation.Command declared = MergedAnnotations.from(method)
                .get(org.springframework.shell.core.command.annotation.Command.class).synthesize();
        if (String.join(" ", declared.name()).isEmpty() || declared.group().isEmpty()
                || declared.description().isEmpty()) {
            throw new IllegalStateException(method + " must name its command, group and description in @Command: "
                    + "the registry reads them without making the command");
        }
        CommandFactoryBean factory = new CommandFactoryBean(method);
        factory.setApplicationContext(context);
        return new DeferredCommand(declared, factory);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<String> getAliases() {
        return aliases;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public boolean isHidden() {
        return hidden;
    }

    @Override
    public String getHelp() {
        return made().getHelp();
    }

    @Override
    public List<CommandOption> getOptions() {
        return made().getOptions();
    }

    @Override
    public AvailabilityProvider getAvailabilityProvider() {
        return made().getAvailabilityProvider();
    }

    @Override
    public CompletionProvider getCompletionProvider() {
        return made().getCompletionProvider();
    }

    @Override
    public ExitStatus execute(CommandContext commandContext) throws Exception {
        return made().execute(commandContext);
    }

    /**
     * The command as Spring Shell makes it, with its bean. A bean that cannot be made is told as
     * the command's failure, and tried again at the next use.
     */
    Command made() {
        try {
            return made.obtain();
        }
        catch (CommandCreationException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new CommandCreationException("the command '" + name + "' cannot be made", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeferredCommand command && name.equals(command.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "command '" + name + "'";
    }
}
