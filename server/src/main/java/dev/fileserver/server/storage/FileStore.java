package dev.fileserver.server.storage;

import java.nio.file.Path;
import java.util.List;

import dev.fileserver.wire.FileHeader;

/**
 * Everything the commands do to stored files. Paths given here come from
 * {@link StorageRoot#resolve(String)}; {@code clientPath} is what the client typed, for messages.
 */
public interface FileStore {

    StorageRoot root();

    EntryType typeOf(Path path);

    /** Names in a folder, sorted, the server's own temporaries left out. */
    List<String> list(Path directory, String clientPath);

    /** The folder's base name, then its entries drawn as a tree. */
    String tree(Path directory, String clientPath);

    Download openForDownload(Path path, String clientPath);

    /** Checks an incoming file frame's header and opens a temporary file for its content. */
    Upload beginUpload(Path directory, FileHeader header);

    /** Deletes a file, or a folder and everything in it; the root itself is refused. */
    void delete(Path path, String clientPath);
}
