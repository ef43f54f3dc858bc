package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A folder known by its path, where the platform has no {@link java.nio.file.SecureDirectoryStream}:
 * each level is checked not to be a link when entered, once, and what the extraction creates in it
 * is opened without following links. Another process swapping a checked folder for a link in the
 * meantime is not guarded against here, as it is with an open directory.
 */
final class PlainFolder implements FolderHandle {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path path;

    PlainFolder(Path path) {
        this.path = path;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public BasicFileAttributes attributes(String name) throws IOException {
        return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, NOFOLLOW);
    }

    @Override
    public FolderHandle enter(String name) throws IOException {
        Kind kind = kind(name);
        if (kind == Kind.NONE) {
            throw new NoSuchFileException(path.resolve(name).toString());
        }
        if (kind != Kind.FOLDER) {
            throw new NotDirectoryException(path.resolve(name).toString());
        }
        return new PlainFolder(path.resolve(name));
    }

    @Override
    public OutputStream createFile(String name) throws IOException {
        return Files.newOutputStream(path.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                NOFOLLOW);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.delete(path.resolve(name));
    }

    @Override
    public void setModified(String name, FileTime time) throws IOException {
        Files.getFileAttributeView(path.resolve(name), BasicFileAttributeView.class, NOFOLLOW).setTimes(time, null, null);
    }

    @Override
    public void setMode(String name, int mode) throws IOException {
        PosixModes.apply(path.resolve(name), mode);
    }

    @Override
    public void setOwnMode(int mode) throws IOException {
        PosixModes.apply(path, mode);
    }
}
