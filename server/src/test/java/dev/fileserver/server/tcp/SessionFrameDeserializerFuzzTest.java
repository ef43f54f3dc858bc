package dev.fileserver.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import dev.fileserver.server.session.ConversationState;
import dev.fileserver.server.session.ConversationState.AwaitingFile;
import dev.fileserver.server.session.FileFrameReceiver;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.UploadPolicy;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.fuzz.Mutator;

/**
 * Mutated frames through a connection's deserializer, expecting text or a file: it yields a
 * request, a received file or a refusal, or ends the connection with a protocol error; nothing
 * else escapes, a file's content is handed on bounded to its header's length, and no temporary file
 * outlives the session.
 */
class SessionFrameDeserializerFuzzTest {

    @TempDir
    Path root;

    @Test
    void mutatedFramesYieldRequestsUploadsOrRefusalsOnly() throws IOException {
        LocalFileStore store = LocalFileStore.open(root,
                new UploadPolicy(1_000_000, new TarballLimits(1_000_000, 100), false), 0, 0);
        FrameLimits limits = new FrameLimits(4096, 4096);
        Mutator mutator = new Mutator(corpus());
        for (long seed = 0; seed < Mutator.ITERATIONS; seed++) {
            Session session = new Session("fuzz-" + seed, "fuzz");
            SessionFrameDeserializer deserializer = new SessionFrameDeserializer(session, storing(store), limits,
                    new TransferRates(0, 0, 0, 0), () -> { });
            ByteArrayInputStream in = new ByteArrayInputStream(mutator.mutate(seed));
            try {
                for (int frame = 0; frame < 8; frame++) {
                    session.moveTo((seed + frame) % 2 == 0 ? new AwaitingFile(TARGET) : ConversationState.IDLE);
                    Object payload = deserializer.deserialize(in);
                    assertThat(payload).isInstanceOfAny(String.class, FrameError.class, Received.class, Refused.class);
                    if (payload instanceof Received received) {
                        assertThat(received.bytes()).isEqualTo(received.header().fileLen());
                        try {
                            received.upload().commit();
                        }
                        catch (StorageException refusedOnCommit) {
                            // a mutated tarball, say: refused, and nothing of it stays
                        }
                    }
                    if (payload instanceof FrameError error && error.fatal()) {
                        break;
                    }
                }
            }
            catch (SoftEndOfStreamException endOfConversation) {
                // the connection would be closed: fine
            }
            catch (RuntimeException | IOException e) {
                throw new AssertionError("seed " + seed + " escaped with " + e, e);
            }
            finally {
                // as the connection does however it ends: an upload still receiving is aborted here
                session.close();
            }
            try (Stream<Path> left = Files.list(root)) {
                assertThat(left.map(path -> path.getFileName().toString()))
                        .as("seed %d left temporaries behind", seed).noneMatch(name -> name.startsWith(".fileserver-tmp-"));
            }
        }
    }

    /**
     * Stores into the root as the conversation does: the session is receiving while the content
     * arrives, and nothing here aborts a failed upload: ending the session must.
     */
    private static FileFrameReceiver storing(LocalFileStore store) {
        return (header, content, session) -> {
            Upload upload;
            try {
                upload = store.beginUpload(StoragePath.ROOT, header);
            }
            catch (StorageException refused) {
                return new Refused(refused);
            }
            session.moveTo(new ConversationState.Receiving(TARGET, upload::abort));
            byte[] buffer = new byte[8192];
            long bytes = 0;
            int read;
            while ((read = content.read(buffer)) >= 0) {
                upload.write(buffer, 0, read);
                bytes += read;
            }
            session.moveTo(ConversationState.IDLE);
            return new Received(header, upload, bytes);
        };
    }

    private static final ConversationState.FileTarget TARGET = new ConversationState.FileTarget() { };

    private record Received(FileHeader header, Upload upload, long bytes) {
    }

    private record Refused(StorageException problem) {
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String text : List.of("/list", "/upload", "y", "/download a b c")) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            new FrameWriter(frame).writeText(text);
            corpus.add(frame.toByteArray());
        }
        for (FileHeader header : List.of(FileHeader.ofFile("a.txt", 0644, 5), FileHeader.ofFile("b", 0600, 300),
                new FileHeader(true, "d.tar.gz", 040755, 20, true))) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            new FrameWriter(frame).writeFile(header, new ByteArrayInputStream(new byte[(int) header.fileLen()]));
            corpus.add(frame.toByteArray());
        }
        return corpus;
    }
}
