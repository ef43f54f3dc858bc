package dev.fileserver.client.shell;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils.MethodFilter;

/**
 * Fills Spring Shell's command registry with the {@code @Command} methods of the beans defined in
 * the application's package, as Spring Shell's own registry does.
 * <p>
 * Spring Shell's registry finds those beans by reading every class file of the package with ASM,
 * on every start, though the context knows them already (with the AOT context, since the build):
 * a tenth of a one-shot command's start-up. So in 4.0.1. The command beans that are not methods
 * ({@code help}, {@code clear}, {@code history}) the registry adds itself once the context is up;
 * the built-in {@code quit} only the interactive shell needs, and adds (see {@link InteractiveShell}).
 * Each command is made, with its bean, only when first used (see {@link DeferredCommand}).
 */
final class CommandMethods {

    private static final MethodFilter COMMAND = method -> AnnotatedElementUtils.hasAnnotation(method, Command.class);

    private CommandMethods() {
    }

    static CommandRegistry registry(ConfigurableListableBeanFactory beans, ApplicationContext context) {
        CommandRegistry registry = new CommandRegistry();
        List<String> packages = AutoConfigurationPackages.get(beans);
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || packages.stream().noneMatch(top -> type.getName().startsWith(top + "."))) {
                continue;
            }
            for (Method method : MethodIntrospector.selectMethods(ClassUtils.getUserClass(type), COMMAND)) {
                registry.registerCommand(DeferredCommand.of(method, context));
            }
        }
        return registry;
    }
}
