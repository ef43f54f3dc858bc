package dev.fileserver.wire.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A folder the extraction has entered, each level without following a link, and what is done to
 * the names directly inside it. Every disk operation of a {@link LocalFolderSink} goes through one
 * of these, each costing one step whatever the depth, so counting them counts its work.
 */
interface FolderHandle extends Closeable {

    /** What a name in the folder is, links not followed. */
    enum Kind {
        NONE, FOLDER, FILE, OTHER;

        static Kind of(BasicFileAttributes attributes) {
            return attributes.isDirectory() ? FOLDER : attributes.isRegularFile() ? FILE : OTHER;
        }
    }

    /**
     * Where the folder is, for what can only be done by path (creating a folder or a link): its
     * parent's path and its own name, each level checked not to be a link when it was entered.
     */
    Path path();

    /** The attributes of a name in the folder, links not followed. */
    BasicFileAttributes attributes(String name) throws IOException;

    default Kind kind(String name) throws IOException {
        try {
            return Kind.of(attributes(name));
        }
        catch (NoSuchFileException e) {
            return Kind.NONE;
        }
    }

    /** Enters the sub-folder {@code name}; a link, a file or nothing there fails. */
    FolderHandle enter(String name) throws IOException;

    /** Creates the sub-folder {@code name}; {@link FileAlreadyExistsException} when the name is taken. */
    default void createFolder(String name) throws IOException {
        // SecureDirectoryStream has no mkdirat: by path, then entered by name from this folder
        Files.createDirectory(path().resolve(name));
    }

    /** A new regular file; {@link FileAlreadyExistsException} when the name is taken, whatever by. */
    OutputStream createFile(String name) throws IOException;

    /** Removes a file or a link (not what it points to). */
    void delete(String name) throws IOException;

    void setModified(String name, FileTime time) throws IOException;

    /** Sets a file's permission bits, without following a link. */
    void setMode(String name, int mode) throws IOException;

    /** Sets this folder's own permission bits. */
    void setOwnMode(int mode) throws IOException;

    /**
     * The root of an extraction into {@code folder} (a real path): entered through a
     * {@link SecureDirectoryStream} where the platform has one (Linux does), so that files are
     * created, and folders entered, relative to their open parent, and nothing can swap a parent
     * for a link between the check and the use. (A folder is made by path, which that API cannot
     * do otherwise; it is then entered from its parent without following links, so one made
     * through a swapped parent is never written into.) Elsewhere by path, each level checked when
     * entered.
     */
    static FolderHandle open(Path folder) throws IOException {
        var stream = Files.newDirectoryStream(folder);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new SecureFolder(secure, folder);
        }
        stream.close();
        return new PlainFolder(folder);
    }

    @Override
    default void close() throws IOException {
    }
}
