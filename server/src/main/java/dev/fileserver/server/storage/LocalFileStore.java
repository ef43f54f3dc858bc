package dev.fileserver.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.files.RecursiveDelete;

/** A {@link FileStore} on the local file system, under one {@link StorageRoot}. */
public final class LocalFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(LocalFileStore.class);

    private final StorageRoot root;

    private final UploadPolicy policy;

    private final int compressionLevel;

    private final long maxListingChars;

    /**
     * @param maxListingChars  a listing or a tree is one text frame, built in memory: past this many
     *                         characters it is refused (and a sub-folder can be listed instead)
     * @param compressionLevel for folder downloads: 0 streams stored gzip blocks with an exact length
     *                         and no spooling; 1 to 9 compress, spooled first to the system's
     *                         temporary folder (never inside the served tree) to learn the length
     */
    public LocalFileStore(StorageRoot root, UploadPolicy policy, int compressionLevel, long maxListingChars) {
        this.root = root;
        this.policy = policy;
        this.compressionLevel = compressionLevel;
        this.maxListingChars = maxListingChars;
    }

    @Override
    public StorageRoot root() {
        return root;
    }

    /**
     * Cleans up after a crash: a folder that an interrupted upload had moved aside goes back under
     * its name, then every temporary is removed (none was ever visible under a final name).
     */
    public int removeStaleTemporaries() {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root.path())) {
            paths.filter(path -> path.getFileName().toString().startsWith(StorageRoot.TEMPORARY_PREFIX))
                    .forEach(stale::add);
        }
        catch (IOException | UncheckedIOException e) {
            log.warn("Could not look for stale temporary files under {}: {}", root.path(), e.getMessage());
        }
        PreviousVersion.restoreAll(stale);
        stale.forEach(RecursiveDelete::deleteQuietly);
        return stale.size();
    }

    @Override
    public EntryType typeOf(Path path) {
        if (root.isTemporary(path)) {
            return EntryType.NOT_FOUND;
        }
        if (Files.isDirectory(path)) {
            return EntryType.DIRECTORY;
        }
        return Files.isRegularFile(path) ? EntryType.FILE : EntryType.NOT_FOUND;
    }

    @Override
    public List<String> list(Path directory, String clientPath) {
        requireDirectory(directory, clientPath);
        List<String> names;
        try (Stream<Path> entries = Files.list(directory)) {
            names = entries.filter(path -> !root.isTemporary(path))
                    .map(path -> path.getFileName().toString())
                    .sorted()
                    .toList();
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException(clientPath);
        }
        catch (NotDirectoryException e) {
            throw new NotADirectoryException(clientPath);
        }
        catch (IOException e) {
            throw new RequestRefusedException("Error: cannot list '" + clientPath + "': " + Problems.reason(e), e);
        }
        long length = 0;
        for (String name : names) {
            length += name.length() + 1;
            refuseIfTooLong(length, clientPath);
        }
        return names;
    }

    private void refuseIfTooLong(long length, String clientPath) {
        if (length > maxListingChars) {
            throw new RequestRefusedException("Error: the listing of '" + clientPath + "' is longer than "
                    + maxListingChars + " characters; list a folder inside it");
        }
    }

    @Override
    public String tree(Path directory, String clientPath) {
        requireDirectory(directory, clientPath);
        StringBuilder text = new StringBuilder(directory.getFileName() == null ? "/" : directory.getFileName().toString())
                .append('\n');
        drawTree(directory, "", text, clientPath);
        return text.toString();
    }

    private void drawTree(Path directory, String prefix, StringBuilder text, String clientPath) {
        List<Path> children;
        try (Stream<Path> entries = Files.list(directory)) {
            children = entries.filter(path -> !root.isTemporary(path))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        catch (IOException e) {
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            Path child = children.get(i);
            boolean last = i == children.size() - 1;
            text.append(prefix).append(last ? "└── " : "├── ").append(child.getFileName()).append('\n');
            refuseIfTooLong(text.length(), clientPath);
            // a linked folder is shown but not entered: links may form cycles or point anywhere
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                drawTree(child, prefix + (last ? "    " : "│   "), text, clientPath);
            }
        }
    }

    private void requireDirectory(Path directory, String clientPath) {
        EntryType type = typeOf(directory);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(clientPath);
        }
        if (type != EntryType.DIRECTORY) {
            throw new NotADirectoryException(clientPath);
        }
    }

    @Override
    public Download openForDownload(Path path, String clientPath) {
        try {
            return switch (typeOf(path)) {
                case FILE -> FileDownload.open(path);
                case DIRECTORY -> compressionLevel == 0
                        ? DirectoryDownload.scan(path, this)
                        : SpooledDirectoryDownload.compress(path, this, compressionLevel);
                case NOT_FOUND -> throw new NotFoundException(clientPath);
            };
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException(clientPath);
        }
        catch (IOException e) {
            throw new RequestRefusedException("Error: cannot read '" + clientPath + "': " + Problems.reason(e), e);
        }
    }

    @Override
    public Upload beginUpload(Path directory, FileHeader header) {
        String name = header.fileName();
        if (!isPlainName(name) || (header.compressed() && !isPlainName(header.directoryName()))) {
            throw new UploadRefusedException("Error: '" + name + "' is not a valid file name");
        }
        if (header.fileLen() > policy.maxUploadBytes()) {
            throw new UploadRefusedException("Error: '" + name + "' is " + header.fileLen()
                    + " bytes; the server accepts at most " + policy.maxUploadBytes() + " bytes per upload");
        }
        try {
            long usable = Files.getFileStore(directory).getUsableSpace();
            if (usable - header.fileLen() < policy.freeSpaceReserveBytes()) {
                throw new UploadRefusedException("Error: not enough free space on the server for '" + name + "' ("
                        + header.fileLen() + " bytes)");
            }
            return new Upload(directory, header, policy);
        }
        catch (IOException e) {
            throw new RequestRefusedException("Error: cannot store '" + name + "': " + Problems.reason(e), e);
        }
    }

    /** A base name only: no separator, no {@code .}/{@code ..}, nothing the server keeps to itself. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0 && !name.startsWith(StorageRoot.TEMPORARY_PREFIX);
    }

    @Override
    public void delete(Path path, String clientPath) {
        if (root.isRoot(path)) {
            throw new RequestRefusedException("Error: the root folder cannot be deleted");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || root.isTemporary(path)) {
            throw new NotFoundException(clientPath);
        }
        try {
            RecursiveDelete.delete(path);
        }
        catch (IOException e) {
            throw new RequestRefusedException("Error: cannot delete '" + clientPath + "': " + Problems.reason(e), e);
        }
    }

    private record FileDownload(FileHeader header, FileChannel channel) implements Download {

        static FileDownload open(Path path) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            try {
                FileHeader header = FileHeader.ofFile(path.getFileName().toString(), PosixModes.read(path, 0644),
                        channel.size());
                return new FileDownload(header, channel);
            }
            catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public void writeContent(OutputStream out) throws IOException {
            try (channel; InputStream in = Channels.newInputStream(channel)) {
                byte[] buffer = new byte[Transfer.BUFFER_SIZE];
                long remaining = header.fileLen();
                while (remaining > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (read < 0) {
                        throw new IOException("'" + header.fileName() + "' shrank while being sent");
                    }
                    out.write(buffer, 0, read);
                    remaining -= read;
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private record DirectoryDownload(FileHeader header, DirectoryTarball tarball) implements Download {

        static DirectoryDownload scan(Path directory, LocalFileStore store) throws IOException {
            DirectoryTarball tarball = DirectoryTarball.scan(directory, path -> !store.root.isTemporary(path));
            String name = directory.getFileName() == null ? "root" : directory.getFileName().toString();
            return new DirectoryDownload(FileHeader.ofDirectory(name, PosixModes.read(directory, 0755),
                    tarball.length()), tarball);
        }

        @Override
        public void writeContent(OutputStream out) throws IOException {
            tarball.writeTo(out);
        }
    }

    private record SpooledDirectoryDownload(FileHeader header, Path spool) implements Download {

        static SpooledDirectoryDownload compress(Path directory, LocalFileStore store, int level) throws IOException {
            DirectoryTarball tarball = DirectoryTarball.scan(directory, path -> !store.root.isTemporary(path));
            // outside the served tree: a download writes nothing there, not even a temporary
            Path spool = Files.createTempFile("fileserver-download-", ".tar.gz");
            try {
                try (OutputStream out = Files.newOutputStream(spool)) {
                    tarball.writeCompressedTo(out, level);
                }
                String name = directory.getFileName() == null ? "root" : directory.getFileName().toString();
                return new SpooledDirectoryDownload(FileHeader.ofDirectory(name, PosixModes.read(directory, 0755),
                        Files.size(spool)), spool);
            }
            catch (IOException | RuntimeException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
        }

        @Override
        public void writeContent(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(spool)) {
                Transfer.copy(in, out);
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(spool);
        }
    }
}
