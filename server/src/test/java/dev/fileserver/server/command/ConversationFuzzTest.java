package dev.fileserver.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.auth.Authenticator;
import dev.fileserver.server.auth.LoginRefusedException;
import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.ConversationState;
import dev.fileserver.server.session.Login;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.Quota;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.LocalUsageCounter;
import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.storage.local.UploadPolicy;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.FileFrameSource;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * Random conversations, built from command words, hostile path pieces, answers and file frames
 * with hostile names: every request gets a reply, no exception escapes the state machine, every
 * upload ends committed or aborted, and nothing outside the root (nor the root itself) is touched.
 */
class ConversationFuzzTest {

    static final List<String> WORDS = List.of("/list", "/ls", "/tree", "/download", "/delete", "/upload", "/exit",
            "missarg", "/capabilities", "/LIST", "", " ", "/", "y", "n", "error", "\0", "/delete\t",
            "/list-long", "/tree-long", "/stat", "/mkdir", "/mkdirs", "/rename", "y digest=sha256",
            "y offset=1 if=x", "y resume size=3 name=upload.txt", "/login", "/login a", "/whoami");

    static final List<String> PIECES = List.of("..", ".", "/", "//", "a", "a b", "outside", "../outside",
            "/etc/passwd", "link-out", "link-in", "~", "%2e%2e", "\\..\\", "\0", "é", ".fileserver-tmp-x.part",
            "inside", "inside/file.txt", " ", "*", "-rf");

    static final int TURNS = 8;

    @TempDir
    Path temp;

    @Test
    void everyRequestGetsAReplyAndNothingOutsideTheRootIsEverReached() throws IOException {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Map<String, String> outsideBefore = Trees.describe(outside);
        Conversation conversation = conversationOver(root);

        for (long seed = 0; seed < dev.fileserver.wire.fuzz.Mutator.ITERATIONS; seed++) {
            refill(root);
            Random random = new Random(seed);
            Session session = new Session("fuzz-" + seed, "fuzz");
            for (int turn = 0; turn < TURNS && !session.isClosing(); turn++) {
                ConversationState before = session.state();
                String frame = randomRequest(random);
                Reply reply;
                try {
                    if (before.awaitsFile()) {
                        Object received = randomFile(conversation, random, session);
                        if (received == null) {
                            break;
                        }
                        reply = conversation.onFrame(received, session);
                    }
                    else {
                        reply = conversation.onFrame(frame, session);
                    }
                }
                catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", frame '" + frame + "' in " + before
                            + " escaped with " + e, e);
                }
                if (before instanceof ConversationState.Idle) {
                    assertThat(reply.isEmpty()).as("seed %d: no reply to request '%s'", seed, frame).isFalse();
                }
                assertThat(reply.parts()).as("seed %d: a defect answered '%s' in %s", seed, frame, before)
                        .doesNotContain(V1Errors.INTERNAL_ERROR);
                assertThat(session.state()).as("seed %d: left receiving", seed)
                        .isNotInstanceOf(ConversationState.Receiving.class);
                release(reply);
            }
            session.close();
            assertThat(root).as("seed %d", seed).isDirectory();
            assertThat(Trees.describe(outside)).as("seed %d", seed).isEqualTo(outsideBefore);
            assertThat(temporariesUnder(root)).as("seed %d left temporaries", seed).isEmpty();
        }
    }

    static Conversation conversationOver(Path root) {
        LocalFileStore store = LocalFileStore.open(root, new UploadPolicy(1 << 20, new TarballLimits(1 << 20, 10), false),
                0, 0);
        FileServerMetrics metrics = new FileServerMetrics(new SimpleMeterRegistry(), new SessionRegistry());
        CommandLimits limits = new CommandLimits(1 << 20, 1 << 20, 100);
        V1Errors errors = new V1Errors();
        TypeTurn typeTurn = new TypeTurn(errors);
        UsageLedger ledger = new UsageLedger(new LocalUsageCounter(store.root()), Quota.NONE, Quota.NONE);
        Authenticator nobody = new Authenticator() {
            @Override
            public boolean offered() {
                return true;
            }

            @Override
            public boolean required() {
                return false;
            }

            @Override
            public Login logIn(String name, String secret, InetAddress address) {
                throw new LoginRefusedException(0);
            }
        };
        return new Conversation(List.of(new ListCommand(errors, limits), new TreeCommand(errors, limits),
                new DownloadCommand(typeTurn), new DeleteCommand(typeTurn), new UploadCommand(typeTurn),
                new ExitCommand(typeTurn), new CapabilitiesCommand(store, nobody), new ListLongCommand(errors, limits),
                new TreeLongCommand(errors, limits), new StatCommand(errors, limits), new MakeDirectoryCommand(errors),
                new RenameCommand(errors), new LoginCommand(errors), new WhoamiCommand(), new QuotaCommand(errors)),
                store, ledger, new UploadReceiver(metrics, limits), errors, metrics, nobody);
    }

    /**
     * A file frame as the connection's reader hands it over, with a hostile name now and then, and
     * now and then a connection that breaks midway: then null, and the session has been ended as the
     * connection would end it.
     */
    private static Object randomFile(Conversation conversation, Random random, Session session) {
        String name = random.nextBoolean() ? "upload.txt" : PIECES.get(random.nextInt(PIECES.size()));
        byte[] content = ("content " + random.nextInt()).getBytes(StandardCharsets.UTF_8);
        FileHeader header = new FileHeader(random.nextInt(8) == 0, name, 0100644, content.length, random.nextBoolean());
        boolean breaks = random.nextInt(6) == 0;
        InputStream in = breaks ? new BreakingStream(content, content.length / 2) : new ByteArrayInputStream(content);
        try {
            return conversation.receive(header, in, session);
        }
        catch (IOException connectionLost) {
            session.close();
            return null;
        }
    }

    /** A connection that delivers some bytes, then fails. */
    private static final class BreakingStream extends InputStream {

        private final ByteArrayInputStream delivered;

        BreakingStream(byte[] content, int before) {
            this.delivered = new ByteArrayInputStream(content, 0, before);
        }

        @Override
        public int read() throws IOException {
            int next = delivered.read();
            if (next < 0) {
                throw new IOException("connection reset");
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delivered.read(buffer, offset, length);
            if (read < 0) {
                throw new IOException("connection reset");
            }
            return read;
        }
    }

    private static String randomRequest(Random random) {
        StringBuilder request = new StringBuilder(WORDS.get(random.nextInt(WORDS.size())));
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            request.append(i == 0 ? " " : random.nextBoolean() ? "/" : "").append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return request.toString();
    }

    private static void release(Reply reply) throws IOException {
        for (Object part : reply.parts()) {
            if (part instanceof FileFrameSource download) {
                download.close();
            }
        }
    }

    private static List<Path> temporariesUnder(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            return paths.filter(path -> path.getFileName().toString().startsWith(StorageRoot.TEMPORARY_PREFIX))
                    .toList();
        }
    }

    private static void refill(Path root) throws IOException {
        Files.createDirectories(root.resolve("inside"));
        Files.writeString(root.resolve("inside/file.txt"), "inside");
        if (!Files.exists(root.resolve("link-in"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(root.resolve("link-in"), root.resolve("inside"));
        }
    }
}
