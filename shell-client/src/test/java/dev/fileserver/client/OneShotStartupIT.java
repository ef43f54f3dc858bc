package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What a one-shot command leaves out of its start-up, read from the classes the JVM loads while
 * the packaged client lists a folder on the real server, with the context prepared at build time
 * as {@code bin/fileserver-client} runs it: each of these once cost a one-shot command a tenth of
 * its start-up or more. Run after {@code package}, on the jar it built.
 */
class OneShotStartupIT extends AgainstOneRealServer {

    private static final Path JAR = Path.of(System.getProperty("fileserver.client.jar", "target/shell-client.jar"));

    @Test
    void aOneShotListingPrintsItsNamesWithoutAValidatorAJarScanAnXmlParserOrATerminal() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.txt"), "a");

        List<String> loaded = run("ls", "docs");

        assertThat(Files.readString(temp.resolve("out"), StandardCharsets.UTF_8)).isEqualTo("a.txt\n");
        assertThat(loaded).as("classes loaded").isNotEmpty()
                .noneMatch(line -> line.contains(" org.hibernate.validator."))
                .noneMatch(line -> line.contains(" org.springframework.context.annotation.ClassPathScanning"))
                .noneMatch(line -> line.contains(" com.sun.org.apache.xerces."))
                .noneMatch(line -> line.contains(" org.apache.logging.log4j."))
                .noneMatch(line -> line.contains(" org.jline.terminal.impl."));
    }

    @Test
    void aOneShotUploadReadsAndWritesItsHeadersWithoutAnObjectMapper() throws Exception {
        Path file = Files.writeString(temp.resolve("up.txt"), "up");

        List<String> loaded = run("upload", file.toString());

        assertThat(root.resolve("up.txt")).hasContent("up");
        assertThat(loaded).as("classes loaded")
                .anyMatch(line -> line.contains(" dev.fileserver.client.upload.UploadTransfer "))
                .noneMatch(line -> line.contains(" tools.jackson.databind."))
                .noneMatch(line -> line.contains(" org.hibernate.validator."));
    }

    /** The classes the packaged client loads while it runs {@code words} to a successful end. */
    private List<String> run(String... words) throws Exception {
        Path classes = temp.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load=info:file=" + classes, "-Dspring.aot.enabled=true", "-jar",
                JAR.toAbsolutePath().toString(), "--fileserver.port=" + server.port()));
        command.addAll(List.of(words));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(temp.resolve("out").toFile()).redirectError(temp.resolve("err").toFile()).start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the client exits").isTrue();
        }
        finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("err"))).isZero();
        return Files.readAllLines(classes);
    }
}
