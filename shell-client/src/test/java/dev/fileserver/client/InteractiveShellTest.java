package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;

import dev.fileserver.client.shell.CommandLine;
import dev.fileserver.client.shell.ShellStreams;
import dev.fileserver.client.support.RealServer;
import dev.fileserver.client.support.Trees;

/**
 * The interactive shell, its JLine line reader on a plain terminal fed by a script of keystrokes,
 * against the real server.
 */
class InteractiveShellTest {

    @TempDir
    static Path temp;

    static RealServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RealServer.start(Files.createDirectories(temp.resolve("root")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Types {@code keystrokes} into the shell; returns what the terminal showed. */
    static String type(String keystrokes) {
        Keyboard keys = new Keyboard(keystrokes);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        ShellStreams streams = new ShellStreams(InputStream.nullInputStream(), nowhere, nowhere, true);
        SpringApplication application = ShellClientApplication.application(streams, CommandLine.of());
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("plainTerminal",
                (TerminalCustomizer) terminal -> terminal.system(false).streams(keys, screen).type("dumb")));
        int exitCode = SpringApplication.exit(application.run("--fileserver.port=" + server.port(),
                "--spring.shell.history.enabled=false"));
        keys.close();
        assertThat(exitCode).isZero();
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /**
     * Keystrokes typed ahead, then a keyboard that stays plugged in: the shell must leave by its
     * {@code exit}, not by the end of input.
     */
    static final class Keyboard extends InputStream {

        private final byte[] keys;

        private final CountDownLatch unplugged = new CountDownLatch(1);

        private int next;

        Keyboard(String keystrokes) {
            this.keys = keystrokes.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
            if (next < keys.length) {
                int count = Math.min(length, keys.length - next);
                System.arraycopy(keys, next, buffer, offset, count);
                next += count;
                return count;
            }
            try {
                unplugged.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void close() {
            unplugged.countDown();
        }
    }

    @Test
    void theShellConnectsOnStartKeepsGoingAfterAFailedCommandAndLeavesOnExit() throws IOException {
        Files.createDirectories(server.root().resolve("docs"));

        String screen = type("ls nowhere\nls\nexit\nls nowhere\n");

        assertThat(screen).contains("Connected to 127.0.0.1:" + server.port() + ".")
                .contains("Error: 'nowhere' not found")
                .contains("docs\n");
        // nothing ran after exit: one error only
        assertThat(screen.split("Error: 'nowhere' not found", -1)).hasSize(2);
    }

    @Test
    void aDeleteInTheShellAsksAndOnlyYesDeletes() throws IOException {
        Trees.plant(server.root().resolve("photos"));
        Files.writeString(server.root().resolve("keep.txt"), "x");

        String screen = type("delete keep.txt\nn\ndelete photos\ny\nexit\n");

        assertThat(screen).contains("Delete file 'keep.txt'? [y/N]").contains("Delete cancelled")
                .contains("Delete directory 'photos' and everything in it? [y/N]")
                .contains("'photos' deleted successfully.");
        assertThat(server.root().resolve("keep.txt")).exists();
        assertThat(server.root().resolve("photos")).doesNotExist();
    }
}
