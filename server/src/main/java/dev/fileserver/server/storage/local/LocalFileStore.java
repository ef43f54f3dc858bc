package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.InvalidNameException;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.StoreGuarantees;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.UploadTooLargeException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.files.RecursiveDelete;

/** A {@link FileStore} on the local file system, under one {@link StorageRoot}. */
public final class LocalFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(LocalFileStore.class);

    private static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::name);

    private final StorageRoot root;

    private final UploadPolicy policy;

    private final CapacityPolicy capacity;

    private final int compressionLevel;

    /**
     * @param compressionLevel for folder downloads: 0 streams stored gzip blocks with an exact length
     *                         and no spooling; 1 to 9 compress, spooled first to the system's
     *                         temporary folder (never inside the served tree) to learn the length
     */
    public LocalFileStore(StorageRoot root, UploadPolicy policy, CapacityPolicy capacity, int compressionLevel) {
        this.root = root;
        this.policy = policy;
        this.capacity = capacity;
        this.compressionLevel = compressionLevel;
    }

    public StorageRoot root() {
        return root;
    }

    @Override
    public String rootName() {
        Path name = root.path().getFileName();
        return name == null ? "/" : name.toString();
    }

    @Override
    public String location() {
        return root.path().toString();
    }

    @Override
    public StoreGuarantees guarantees() {
        return new StoreGuarantees(true, true);
    }

    /**
     * Cleans up after a crash: a folder that an interrupted upload had moved aside goes back under
     * its name, then every temporary is removed (none was ever visible under a final name).
     */
    public int removeStaleTemporaries() {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root.path())) {
            paths.filter(path -> Names.isTemporary(path.getFileName().toString())).forEach(stale::add);
        }
        catch (IOException | UncheckedIOException e) {
            log.warn("Could not look for stale temporary files under {}: {}", root.path(), e.getMessage());
        }
        PreviousVersion.restoreAll(stale);
        stale.forEach(RecursiveDelete::deleteQuietly);
        return stale.size();
    }

    @Override
    public void confine(StoragePath path) {
        root.resolve(path);
    }

    @Override
    public EntryType typeOf(StoragePath path) {
        if (StorageRoot.isTemporary(path)) {
            return EntryType.NOT_FOUND;
        }
        Path resolved = root.resolve(path);
        if (Files.isDirectory(resolved)) {
            return EntryType.DIRECTORY;
        }
        return Files.isRegularFile(resolved) ? EntryType.FILE : EntryType.NOT_FOUND;
    }

    @Override
    public List<Entry> list(StoragePath directory) {
        Path folder = existingDirectory(directory);
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!Names.isTemporary(name)) {
                    entries.add(entry(child, name));
                }
            }
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException(directory);
        }
        catch (NotDirectoryException e) {
            throw new NotADirectoryException(directory);
        }
        catch (IOException | UncheckedIOException e) {
            throw DiskProblems.failed(Operation.LIST, directory.toString(), asIOException(e));
        }
        entries.sort(BY_NAME);
        return entries;
    }

    /** What the name itself is, links not followed; an entry that vanished meanwhile is still named. */
    private static Entry entry(Path child, String name) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            EntryType type = attributes.isDirectory() ? EntryType.DIRECTORY
                    : attributes.isRegularFile() ? EntryType.FILE
                    : attributes.isSymbolicLink() ? EntryType.LINK : EntryType.OTHER;
            return new Entry(name, type, attributes.size(), attributes.lastModifiedTime().toInstant());
        }
        catch (IOException e) {
            return new Entry(name, EntryType.OTHER, 0, Instant.EPOCH);
        }
    }

    private static IOException asIOException(Exception e) {
        return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
    }

    private Path existingDirectory(StoragePath directory) {
        EntryType type = typeOf(directory);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(directory);
        }
        if (type != EntryType.DIRECTORY) {
            throw new NotADirectoryException(directory);
        }
        return root.resolve(directory);
    }

    @Override
    public Download openForDownload(StoragePath path) {
        Path resolved = root.resolve(path);
        // as the v1 server named it: the folder's own name, the root's included
        String name = resolved.getFileName() == null ? "root" : resolved.getFileName().toString();
        try {
            return switch (typeOf(path)) {
                case FILE -> FileDownload.open(resolved);
                case DIRECTORY -> compressionLevel == 0
                        ? DirectoryDownload.scan(resolved, name, root)
                        : SpooledDirectoryDownload.compress(resolved, name, root, compressionLevel);
                default -> throw new NotFoundException(path);
            };
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException(path);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    @Override
    public Upload beginUpload(StoragePath directory, FileHeader header) {
        String name = header.fileName();
        if (!Names.isPlain(name) || (header.compressed() && !Names.isPlain(header.directoryName()))) {
            throw new InvalidNameException(name);
        }
        if (header.fileLen() > policy.maxUploadBytes()) {
            throw new UploadTooLargeException(name, header.fileLen(), policy.maxUploadBytes());
        }
        Path folder = existingDirectory(directory);
        try {
            capacity.require(name, header.fileLen());
            return new LocalUpload(directory, folder, header, policy, capacity);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.STORE, name, e);
        }
    }

    @Override
    public void delete(StoragePath path) {
        if (path.isRoot()) {
            throw new RootNotDeletableException();
        }
        Path resolved = root.resolve(path);
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) || StorageRoot.isTemporary(path)) {
            throw new NotFoundException(path);
        }
        try {
            RecursiveDelete.delete(resolved);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.DELETE, path.toString(), e);
        }
    }
}
