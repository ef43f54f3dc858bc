package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;

/** A folder held open as a {@link SecureDirectoryStream}: every name is reached from its descriptor. */
final class SecureFolder implements FolderHandle {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SecureDirectoryStream<Path> stream;

    private final Path path;

    SecureFolder(SecureDirectoryStream<Path> stream, Path path) {
        this.stream = stream;
        this.path = path;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public BasicFileAttributes attributes(String name) throws IOException {
        return stream.getFileAttributeView(relative(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
    }

    @Override
    public FolderHandle enter(String name) throws IOException {
        return new SecureFolder(stream.newDirectoryStream(relative(name), NOFOLLOW), path.resolve(name));
    }

    @Override
    public OutputStream createFile(String name) throws IOException {
        return Channels.newOutputStream(stream.newByteChannel(relative(name),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)));
    }

    @Override
    public void delete(String name) throws IOException {
        stream.deleteFile(relative(name));
    }

    @Override
    public void setModified(String name, FileTime time) throws IOException {
        stream.getFileAttributeView(relative(name), BasicFileAttributeView.class, NOFOLLOW).setTimes(time, null, null);
    }

    @Override
    public void setMode(String name, int mode) throws IOException {
        apply(stream.getFileAttributeView(relative(name), PosixFileAttributeView.class, NOFOLLOW), mode);
    }

    @Override
    public void setOwnMode(int mode) throws IOException {
        apply(stream.getFileAttributeView(PosixFileAttributeView.class), mode);
    }

    private static void apply(PosixFileAttributeView view, int mode) throws IOException {
        if (view != null) {
            view.setPermissions(PosixModes.toPermissions(mode & 0777));
        }
    }

    private Path relative(String name) {
        return path.getFileSystem().getPath(name);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
