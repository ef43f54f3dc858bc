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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.ExpectedUpload;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.ReceivedUpload;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.LocalFileStore;
import dev.fileserver.server.storage.StorageRoot;
import dev.fileserver.server.storage.UploadPolicy;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.ProtocolException;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.fuzz.Mutator;

/**
 * Mutated frames through a connection's deserializer, expecting text or a file: it yields a
 * request, an upload or a refusal, or ends the connection with a protocol error; nothing else
 * escapes, and no temporary file outlives the session.
 */
class SessionFrameDeserializerFuzzTest {

    @TempDir
    Path root;

    @Test
    void mutatedFramesYieldRequestsUploadsOrRefusalsOnly() throws IOException {
        LocalFileStore store = new LocalFileStore(StorageRoot.open(root),
                new UploadPolicy(1_000_000, 0, new TarballLimits(1_000_000, 100), false), 0, 1 << 20);
        FileServerMetrics metrics = new FileServerMetrics(new SimpleMeterRegistry(), new SessionRegistry());
        TcpLimits limits = new TcpLimits(new FrameLimits(4096, 4096), 1_000_000);
        Mutator mutator = new Mutator(corpus());
        for (long seed = 0; seed < Mutator.ITERATIONS; seed++) {
            Session session = new Session("fuzz-" + seed, "fuzz");
            SessionFrameDeserializer deserializer = new SessionFrameDeserializer(session, store, limits, metrics);
            ByteArrayInputStream in = new ByteArrayInputStream(mutator.mutate(seed));
            try {
                for (int frame = 0; frame < 8; frame++) {
                    if ((seed + frame) % 2 == 0) {
                        session.expectUpload(ExpectedUpload.into(root, ""));
                    }
                    Object payload = deserializer.deserialize(in);
                    assertThat(payload).isInstanceOfAny(String.class, FrameError.class, ReceivedUpload.class);
                    if (payload instanceof ReceivedUpload received) {
                        received.upload().abort();
                    }
                    if (payload instanceof FrameError error && error.fatal()) {
                        break;
                    }
                }
            }
            catch (SoftEndOfStreamException | ProtocolException endOfConversation) {
                // the connection would be closed: fine
            }
            catch (RuntimeException | IOException e) {
                throw new AssertionError("seed " + seed + " escaped with " + e, e);
            }
            finally {
                session.close();
            }
            try (Stream<Path> left = Files.list(root)) {
                assertThat(left).as("seed %d left files behind", seed).isEmpty();
            }
        }
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
