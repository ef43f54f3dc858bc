package dev.fileserver.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.util.ClassUtils;

/**
 * {@link NoConstraints} finds nothing to check, which holds only while no command declares a Bean
 * Validation constraint: one added later would be silently ignored, so this fails instead.
 */
class NoConstraintsTest {

    @Test
    void noCommandDeclaresAConstraintThatTheValidatorWouldIgnore() throws Exception {
        List<Method> commands = commandMethods();
        assertThat(commands).as("the client's @Command methods").hasSizeGreaterThan(10);
        for (Method command : commands) {
            assertThat(constraints(command.getAnnotations())).as("constraints on %s", command).isEmpty();
            for (Parameter parameter : command.getParameters()) {
                assertThat(constraints(parameter.getAnnotations()))
                        .as("constraints on %s of %s", parameter, command).isEmpty();
            }
        }
    }

    private static List<Method> commandMethods() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Method> commands = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.fileserver.client")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), NoConstraintsTest.class.getClassLoader());
            Stream.of(type.getDeclaredMethods())
                    .filter(method -> AnnotatedElementUtils.hasAnnotation(method, Command.class))
                    .forEach(commands::add);
        }
        return commands;
    }

    private static List<String> constraints(Annotation[] annotations) {
        return Stream.of(annotations)
                .map(annotation -> annotation.annotationType().getName())
                .filter(name -> name.startsWith("jakarta.validation."))
                .toList();
    }
}
