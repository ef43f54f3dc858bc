package dev.fileserver.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;

import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.testsupport.Sha256Sink;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;

/**
 * What the robustness tests share beyond the test-support module: assertions on a served root and
 * on a connection, and content copied as it streams.
 */
final class Fixtures {

    static final int MiB = 1024 * 1024;

    private Fixtures() {
    }

    /** {@code in}, with every byte read from it also written to {@code copy}. */
    static InputStream teed(InputStream in, OutputStream copy) {
        return new FilterInputStream(in) {

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int read = super.read(buffer, offset, count);
                if (read > 0) {
                    copy.write(buffer, offset, read);
                }
                return read;
            }
        };
    }

    /** The server closed the connection: the next read meets its end (or a reset), not a frame or a timeout. */
    static void assertClosedByServer(V1Client client) {
        assertThatThrownBy(client::receive).as("the connection should have been closed by the server")
                .isInstanceOfAny(EndOfStreamException.class, SocketException.class);
    }

    /** The server's in-progress files anywhere under {@code root}. */
    static List<String> temporaries(Path root) throws IOException {
        return Trees.descendants(root).stream().filter(name -> name.contains(StorageRoot.TEMPORARY_PREFIX)).toList();
    }

    /** {@code /list} answered in full with the given names. */
    static void assertLists(V1Client client, String... names) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (String name : names) {
            listing.append(name).append('\n');
        }
        assertThat(client.request("/list", 3)).containsExactly("ok", "ok", listing.toString());
    }

    /** Full service: {@code /list} shows {@code file} and {@code /download} brings every byte of it. */
    static void assertServes(V1Client client, String file, String sha256) throws IOException {
        assertThat(client.list("").split("\n")).contains(file);
        Sha256Sink received = new Sha256Sink();
        client.download(file, "file", received);
        assertThat(received.hex()).isEqualTo(sha256);
    }

    /** A directory's file frame header for a tarball of {@code length} bytes. */
    static FileHeader directoryHeader(String name, long length) {
        return FileHeader.ofDirectory(name, 0755, length);
    }
}
