package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;

import dev.fileserver.client.shell.CommandLine;
import dev.fileserver.client.shell.ShellStreams;
import dev.fileserver.client.support.RealServer;
import dev.fileserver.testsupport.Trees;

/**
 * The interactive shell, its JLine line reader on a plain terminal typed into line by line at each
 * prompt, against the real server.
 */
class InteractiveShellTest {

    @RegisterExtension
    static final RealServer server = new RealServer();

    /** Types each line at the shell's next prompt, as a person would; returns what the terminal showed. */
    static String type(String... lines) {
        Screen screen = new Screen();
        Keyboard keys = new Keyboard(screen, lines);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        ShellStreams streams = new ShellStreams(InputStream.nullInputStream(), nowhere, nowhere, true);
        SpringApplication application = ShellClientApplication.application(streams, CommandLine.of());
        // the exec provider gives a terminal on plain streams; the native ones would open a pty,
        // whose line discipline makes what arrives when depend on timing
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("plainTerminal",
                (TerminalCustomizer) terminal -> terminal.system(false).provider("exec").streams(keys, screen).type("dumb")));
        int exitCode = SpringApplication.exit(application.run("--fileserver.port=" + server.port(),
                "--spring.shell.history.enabled=false"));
        keys.close();
        assertThat(exitCode).isZero();
        return screen.text();
    }

    /** What the terminal shows; a prompt (the shell's, or a question's) tells the keyboard to type. */
    static final class Screen extends OutputStream {

        private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            shown.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            shown.write(bytes, offset, length);
            notifyAll();
        }

        synchronized String text() {
            return shown.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        }

        synchronized int prompts() {
            String text = text();
            return count(text, "> ") + count(text, "[y/N] ");
        }

        synchronized void awaitPrompts(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (prompts() < count && System.nanoTime() < deadline) {
                wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            }
        }

        private static int count(String text, String what) {
            return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
        }
    }

    /** Types a line only once the screen shows the prompt for it; then stays plugged in until closed. */
    static final class Keyboard extends InputStream {

        private final Screen screen;

        private final String[] lines;

        private final CountDownLatch unplugged = new CountDownLatch(1);

        private int typed;

        Keyboard(Screen screen, String... lines) {
            this.screen = screen;
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                if (typed < lines.length) {
                    screen.awaitPrompts(typed + 1);
                    byte[] line = (lines[typed++] + "\n").getBytes(StandardCharsets.UTF_8);
                    int count = Math.min(length, line.length);
                    System.arraycopy(line, 0, buffer, offset, count);
                    return count;
                }
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

        String screen = type("ls nowhere", "ls", "exit", "ls nowhere");

        assertThat(screen).contains("Connected to 127.0.0.1:" + server.port() + ".")
                .contains("Error: 'nowhere' not found")
                .contains("docs\n");
        // nothing ran after exit: one error only
        assertThat(screen.split("Error: 'nowhere' not found", -1)).hasSize(2);
    }

    @Test
    void theShellExplainsQuitLikeItsOtherCommands() {
        String screen = type("help quit", "exit");

        assertThat(screen).contains("quit - Exit the shell").contains("ALIASES\n\texit");
    }

    @Test
    void aDeleteInTheShellAsksAndOnlyYesDeletes() throws IOException {
        Trees.plantSample(server.root().resolve("photos"));
        Files.writeString(server.root().resolve("keep.txt"), "x");

        String screen = type("delete keep.txt", "n", "delete photos", "y", "exit");

        assertThat(screen).contains("Delete file 'keep.txt'? [y/N]").contains("Delete cancelled")
                .contains("Delete directory 'photos' and everything in it (5 files, 293.0 KiB)? [y/N]")
                .contains("'photos' deleted successfully.");
        assertThat(server.root().resolve("keep.txt")).exists();
        assertThat(server.root().resolve("photos")).doesNotExist();
    }
}
