package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A tree that {@link DirectoryTarball} packs, wherever it is stored: its entries, listed once
 * before the first byte is written, and each file's content, opened when its turn comes.
 *
 * <p>An implementation must:
 * <ul>
 * <li>list the root folder first, named {@code ""}, then every other entry after its parent
 * folder, in the order the archive should hold them;</li>
 * <li>name each entry relative to the root, parts joined by {@code /}, with no leading or
 * trailing {@code /} and no empty, {@code .} or {@code ..} part: the name goes into the archive
 * as it is, under the top-level name;</li>
 * <li>report each file's exact size when listing: the archive's length is fixed from these sizes
 * before anything is written;</li>
 * <li>list folders and regular files only (links, devices and the like are left out).</li>
 * </ul>
 *
 * <p>A caller may rely on: {@link #entries()} being called once, before any content is opened;
 * {@link Entry#open()} being called only for files, in listing order, at most once per write,
 * with the stream closed by the caller; and a file whose content no longer has the listed length
 * failing the write with {@link ArchiveChangedException} rather than producing a wrong archive.
 */
public interface TarballSource {

    /** The tree's entries in archive order, the root folder first. */
    List<? extends Entry> entries() throws IOException;

    /** One folder or regular file of the tree, as it was when listed: its values never change afterwards. */
    interface Entry {

        /** Relative to the root, parts joined by {@code /}; {@code ""} for the root itself. */
        String name();

        boolean folder();

        /** A file's exact length in bytes; 0 for a folder. */
        long size();

        /** The permission bits (0 to 0777); any other bit is ignored. */
        int mode();

        FileTime modified();

        /** The file's content as it is now; never called for a folder. */
        InputStream open() throws IOException;
    }
}
