package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.jline.CommandCompleter;

import dev.fileserver.client.shell.CommandLine;
import dev.fileserver.client.shell.ShellStreams;
import dev.fileserver.client.support.RealServer;

/**
 * Tab completion as the shell's line reader calls it, in the client's own application context:
 * remote paths ask the real server, local paths come from the disk.
 */
class CompletionAgainstRealServerTest {

    @RegisterExtension
    static final RealServer server = new RealServer();

    @TempDir
    static Path temp;

    static ConfigurableApplicationContext client;

    @BeforeAll
    static void startClient() throws Exception {
        Path root = server.root();
        Files.createDirectories(root.resolve("docs/drafts"));
        Files.writeString(root.resolve("docs/meeting notes.txt"), "x");
        Files.writeString(root.resolve("docs/minutes.txt"), "x");
        Files.createDirectories(temp.resolve("local/music"));
        ShellStreams quiet = new ShellStreams(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false);
        client = ShellClientApplication.application(quiet, CommandLine.of("exit"))
                .run("--fileserver.port=" + server.port());
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    List<Candidate> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        client.getBean(CommandCompleter.class).complete(null, parsed, candidates);
        return candidates;
    }

    @Test
    void aUniqueRemoteFolderCompletesWithASlashAndNoSpace() {
        assertThat(complete("ls do")).singleElement().satisfies(candidate -> {
            assertThat(candidate.value()).isEqualTo("docs/");
            assertThat(candidate.complete()).isFalse();
        });
    }

    @Test
    void aUniqueRemoteFileCompletesWhole() {
        assertThat(complete("download docs/me")).singleElement().satisfies(candidate -> {
            assertThat(candidate.value()).isEqualTo("docs/meeting notes.txt");
            assertThat(candidate.complete()).isTrue();
        });
    }

    @Test
    void severalRemoteNamesAreAllOffered() {
        assertThat(complete("delete docs/m")).extracting(Candidate::value)
                .containsExactlyInAnyOrder("docs/meeting notes.txt", "docs/minutes.txt");
    }

    @Test
    void theFirstArgumentOfUploadIsLocalAndTheSecondRemote() {
        String local = temp.resolve("local/mu").toString();

        assertThat(complete("upload " + local)).extracting(Candidate::value)
                .containsExactly(temp.resolve("local/music") + "/");
        assertThat(complete("upload " + local + " d")).extracting(Candidate::value).containsExactly("docs/");
    }

    @Test
    void optionsCompleteAfterADash() {
        assertThat(complete("delete --")).extracting(Candidate::value).containsExactly("--yes");
    }
}
