package dev.fileserver.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.LocalFileStore;
import dev.fileserver.server.storage.StorageRoot;
import dev.fileserver.server.storage.UploadPolicy;
import dev.fileserver.server.support.Trees;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.fuzz.Mutator;

/**
 * Random conversations, built from command words, hostile path pieces and answers: the request
 * parser and every handler answer with a reply, never an exception, and nothing outside the root
 * (nor the root itself) is ever touched.
 */
class ConversationFuzzTest {

    static final List<String> WORDS = List.of("/list", "/ls", "/tree", "/download", "/delete", "/upload", "/exit",
            "missarg", "/capabilities", "/LIST", "", " ", "/", "y", "n", "error", "\0", "/delete\t");

    static final List<String> PIECES = List.of("..", ".", "/", "//", "a", "a b", "outside", "../outside",
            "/etc/passwd", "link-out", "link-in", "~", "%2e%2e", "\\..\\", "\0", "é", ".fileserver-tmp-x.part",
            "inside", "inside/file.txt", " ", "*", "-rf");

    @TempDir
    Path temp;

    @Test
    void randomConversationsAlwaysGetARepliesAndNeverReachOutside() throws IOException {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Map<String, String> outsideBefore = Trees.describe(temp.resolve("outside"));

        StorageRoot storageRoot = StorageRoot.open(root);
        LocalFileStore store = new LocalFileStore(storageRoot,
                new UploadPolicy(1 << 20, 0, new TarballLimits(1 << 20, 10), false), 0, 1 << 20);
        Conversation conversation = new Conversation(List.of(new ListCommand(store), new TreeCommand(store),
                new DownloadCommand(store), new DeleteCommand(store), new UploadCommand(store), new ExitCommand(),
                new CapabilitiesCommand()), storageRoot,
                new FileServerMetrics(new SimpleMeterRegistry(), new SessionRegistry()));

        for (long seed = 0; seed < Mutator.ITERATIONS; seed++) {
            refill(root);
            Random random = new Random(seed);
            Session session = new Session("fuzz-" + seed, "fuzz");
            for (int turn = 0; turn < 6; turn++) {
                String request = randomRequest(random);
                Reply reply;
                try {
                    reply = conversation.onFrame(request, session);
                }
                catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", request '" + request + "' escaped with " + e, e);
                }
                for (Object part : reply.parts()) {
                    if (part instanceof Download download) {
                        download.close();
                    }
                }
            }
            session.close();
            assertThat(root).as("seed %d", seed).isDirectory();
            assertThat(Trees.describe(outside)).as("seed %d", seed).isEqualTo(outsideBefore);
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

    private static void refill(Path root) throws IOException {
        Files.createDirectories(root.resolve("inside"));
        Files.writeString(root.resolve("inside/file.txt"), "inside");
        if (!Files.exists(root.resolve("link-in"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(root.resolve("link-in"), root.resolve("inside"));
        }
    }
}
