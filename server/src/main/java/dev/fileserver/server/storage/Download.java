package dev.fileserver.server.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileFrameSource;

/**
 * A file or folder ready to be sent: its header is exact before the first content byte, and the
 * content is streamed from the store when the reply is written, never held in memory. The header
 * carries the v1 keys only; what extensions add is the command's business.
 */
public interface Download extends FileFrameSource {

    /**
     * What this copy of the content is, as a short token that changes whenever the content may
     * have (local disk: size and modification time; an object store: its ETag). A client that
     * holds part of a download asks for the rest only of the same version. Empty when unknown,
     * which never matches.
     */
    default String version() {
        return "";
    }

    /** A file's SHA-256 kept since it was stored, when the store vouches it still holds. */
    default Optional<String> keptSha256() {
        return Optional.empty();
    }

    /**
     * The SHA-256 of a file's whole content, taken as it was just sent. A backend that keeps
     * digests ({@link #keptSha256()}) may keep this one too, if the file is still the version that
     * was sent, so that the next download of it need not hash it again; one that cannot ignores it.
     */
    default void hashed(String sha256) {
    }

    /**
     * For a folder: starts noting the SHA-256 of each file as {@link #writeContent} packs it, by its
     * name inside the folder; the map is whole once the content is written. Null for a file, or
     * when the backend cannot (the caller then hashes the tarball as a whole). Called, if at all,
     * before the content is written.
     */
    default Map<String, String> recordEntryDigests() {
        return null;
    }

    /**
     * This same content from byte {@code offset} on, for a client that holds the bytes before it:
     * the header says so ({@link FileHeader#from}), and only the rest is sent. A backend that can
     * seek does not read the skipped bytes; the default reads and drops them.
     */
    default Download from(long offset) {
        Download whole = this;
        FileHeader header = whole.header().from(offset);
        return new Download() {
            @Override
            public FileHeader header() {
                return header;
            }

            @Override
            public void writeContent(OutputStream out) throws IOException {
                whole.writeContent(new TailOutputStream(out, offset));
            }

            @Override
            public String version() {
                return whole.version();
            }

            @Override
            public Optional<String> keptSha256() {
                return whole.keptSha256();
            }

            @Override
            public void close() throws IOException {
                whole.close();
            }
        };
    }
}
