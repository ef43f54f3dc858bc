package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;

/** One file down or up in a session of its own, from connecting to the last byte in a file or the server's ack. */
final class OneFileSessions {

    private OneFileSessions() {
    }

    /** Downloads the file {@code path} into {@code target}. */
    static Checksummed download(int port, String path, Path target) throws IOException {
        return download(V1Client.connectAccepted(port), path, target);
    }

    /** Downloads {@code path}, checksummed as it streams in and kept nowhere. */
    static Checksummed download(int port, String path) throws IOException {
        try (V1Client session = V1Client.connectAccepted(port)) {
            FileHeader header = session.download(path, "file");
            return Checksummed.copy(session.content(header), OutputStream.nullOutputStream());
        }
    }

    /** Downloads on a session already accepted (over TLS, say), which is closed afterwards. */
    static Checksummed download(V1Client accepted, String path, Path target) throws IOException {
        try (V1Client session = accepted) {
            FileHeader header = session.download(path, "file");
            return Checksummed.copyToFile(session.content(header), target);
        }
    }

    /** Uploads {@code source} into the server's folder {@code folder}; returns once the server says it is stored. */
    static void upload(int port, Path source, String folder) throws IOException {
        upload(V1Client.connectAccepted(port), source, folder);
    }

    /** Uploads on a session already accepted (over TLS, say), which is closed afterwards. */
    static void upload(V1Client accepted, Path source, String folder) throws IOException {
        try (V1Client session = accepted; InputStream in = Files.newInputStream(source)) {
            session.enableUploadAck();
            OutputStream content = session.beginUpload(folder,
                    FileHeader.ofFile(source.getFileName().toString(), 0644, Files.size(source)).withAck());
            Transfer.copy(in, content);
            session.expect("ok");
        }
    }
}
