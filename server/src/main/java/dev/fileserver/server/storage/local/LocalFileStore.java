package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.AlreadyExistsException;
import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.InvalidMoveException;
import dev.fileserver.server.storage.InvalidNameException;
import dev.fileserver.server.storage.KeptPartGoneException;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.StoreGuarantees;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.UploadTooLargeException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.files.RecursiveDelete;

/** A {@link FileStore} on the local file system, under one {@link StorageRoot}. */
public final class LocalFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(LocalFileStore.class);

    private static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::name);

    private final StorageRoot root;

    private final UploadPolicy policy;

    private final CapacityPolicy capacity;

    private final int compressionLevel;

    private final KeptParts parts;

    /**
     * @param compressionLevel for folder downloads: 0 streams stored gzip blocks with an exact length
     *                         and no spooling; 1 to 9 compress, spooled first to the system's
     *                         temporary folder (never inside the served tree) to learn the length
     */
    public LocalFileStore(StorageRoot root, UploadPolicy policy, CapacityPolicy capacity, int compressionLevel) {
        this(root, policy, capacity, compressionLevel, Clock.systemUTC());
    }

    /** @param clock when kept parts of uploads expire, by this clock */
    public LocalFileStore(StorageRoot root, UploadPolicy policy, CapacityPolicy capacity, int compressionLevel,
            Clock clock) {
        this.root = root;
        this.policy = policy;
        this.capacity = capacity;
        this.compressionLevel = compressionLevel;
        this.parts = new KeptParts(root.path(), policy.keepPartsFor(), clock);
    }

    /** A store over {@code folder} (created if missing) keeping {@code freeSpaceReserveBytes} of its disk free. */
    public static LocalFileStore open(Path folder, UploadPolicy policy, long freeSpaceReserveBytes,
            int compressionLevel) {
        StorageRoot root = StorageRoot.open(folder);
        return new LocalFileStore(root, policy, new FreeSpaceReserve(root, freeSpaceReserveBytes), compressionLevel);
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
        return new StoreGuarantees(true, true, true, !policy.keepPartsFor().isZero());
    }

    /**
     * Cleans up after a crash: a folder that an interrupted upload had moved aside goes back under
     * its name, then every temporary is removed (none was ever visible under a final name). Kept
     * parts of uploads stay until their time is up.
     */
    public int removeStaleTemporaries() {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root.path())) {
            paths.filter(path -> Names.isTemporary(path.getFileName().toString()))
                    // the root's kept parts, and those of the accounts' homes below it
                    .filter(path -> !KeptParts.isInKeptPartsFolder(root.path().relativize(path)))
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
    public void confine(StoragePath path) {
        root.resolve(path);
    }

    @Override
    public EntryType typeOf(StoragePath path) {
        return typeOf(path, root.resolve(path));
    }

    /** From the path already resolved: each resolution walks the path anew, folder by folder. */
    private static EntryType typeOf(StoragePath path, Path resolved) {
        return StorageRoot.isTemporary(path) ? EntryType.NOT_FOUND : typeOfResolved(resolved);
    }

    private static EntryType typeOfResolved(Path resolved) {
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
            BasicFileAttributes attributes = DiskAttributes.of(child);
            EntryType type = typeOf(attributes);
            int fallback = type == EntryType.DIRECTORY ? 0755 : 0644;
            return new Entry(name, type, attributes.size(), attributes.lastModifiedTime().toInstant(),
                    type == EntryType.LINK ? 0777 : DiskAttributes.mode(attributes, fallback));
        }
        catch (IOException e) {
            return new Entry(name, EntryType.OTHER, 0, Instant.EPOCH);
        }
    }

    private static EntryType typeOf(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? EntryType.DIRECTORY
                : attributes.isRegularFile() ? EntryType.FILE
                : attributes.isSymbolicLink() ? EntryType.LINK : EntryType.OTHER;
    }

    private static IOException asIOException(Exception e) {
        return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
    }

    /** Resolved once: each resolution walks the whole path, which a tree does for every folder. */
    private Path existingDirectory(StoragePath directory) {
        Path resolved = root.resolve(directory);
        EntryType type = typeOf(directory, resolved);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(directory);
        }
        if (type != EntryType.DIRECTORY) {
            throw new NotADirectoryException(directory);
        }
        return resolved;
    }

    @Override
    public Download openForDownload(StoragePath path) {
        Path resolved = root.resolve(path);
        // as the v1 server named it: the folder's own name, the root's included
        String name = resolved.getFileName() == null ? "root" : resolved.getFileName().toString();
        try {
            return switch (typeOf(path, resolved)) {
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
        Path folder = checkedUpload(directory, header);
        try {
            capacity.require(directory, header.fileName(), header.fileLen());
            return new LocalUpload(directory, folder, header, policy, capacity);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.BEGIN_STORE, header.fileName(), e);
        }
    }

    /** A kept part is claimed by moving it into the target folder, where it is appended to. */
    @Override
    public Upload beginUpload(StoragePath directory, FileHeader header, PartKey key) {
        Path folder = checkedUpload(directory, header);
        String name = header.fileName();
        long offset = header.extensions().offset();
        Path continued = null;
        try {
            // only what is still to come needs room: the kept part is on the disk already
            capacity.require(directory, name, header.fileLen());
            if (offset == 0) {
                parts.drop(key);
            }
            else {
                // a part of another length is left as it is: that upload may still go on from it
                if (parts.length(key) != offset) {
                    throw new KeptPartGoneException(name);
                }
                continued = folder.resolve(LocalUpload.temporaryName(".part"));
                if (!parts.claim(key, continued)) {
                    throw new KeptPartGoneException(name);
                }
            }
            return new LocalUpload(directory, folder, header, policy, capacity, continued, parts, key);
        }
        catch (IOException e) {
            if (continued != null) {
                RecursiveDelete.deleteQuietly(continued);
            }
            throw DiskProblems.failed(Operation.BEGIN_STORE, name, e);
        }
    }

    /** Refuses an upload by its header (its name, its size) or by a folder that is not there. */
    private Path checkedUpload(StoragePath directory, FileHeader header) {
        String name = header.fileName();
        if (!Names.isPlain(name) || (header.compressed() && !Names.isPlain(header.directoryName()))) {
            throw new InvalidNameException(name);
        }
        if (header.totalLength() > policy.maxUploadBytes()) {
            throw new UploadTooLargeException(name, header.totalLength(), policy.maxUploadBytes());
        }
        return existingDirectory(directory);
    }

    @Override
    public long keptLength(PartKey key) {
        try {
            return parts.length(key);
        }
        catch (IOException e) {
            return 0;
        }
    }

    @Override
    public InputStream openKeptPart(PartKey key) {
        try {
            return parts.open(key);
        }
        catch (NoSuchFileException e) {
            throw new KeptPartGoneException(key.name());
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.READ, key.name(), e);
        }
    }

    @Override
    public OptionalLong freeBytes(StoragePath path) {
        Path resolved = root.resolve(path);
        try {
            Path existing = Files.exists(resolved) ? resolved : root.path();
            return OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    @Override
    public int removeExpiredParts() {
        return parts.removeExpired();
    }

    @Override
    public Entry stat(StoragePath path) {
        if (StorageRoot.isTemporary(path)) {
            throw new NotFoundException(path);
        }
        Path resolved = root.resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(resolved, BasicFileAttributes.class);
            String name = path.isRoot() ? rootName() : path.name();
            return new Entry(name, typeOf(attributes), attributes.size(), attributes.lastModifiedTime().toInstant(),
                    PosixModes.read(resolved, attributes.isDirectory() ? 0755 : 0644));
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException(path);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    @Override
    public void makeDirectory(StoragePath path, boolean parents) {
        if (!path.toBeMadeAsFolder(parents)) {
            return;
        }
        if (!parents) {
            existingDirectory(path.parent());
            createDirectory(path, false);
            return;
        }
        StoragePath folder = StoragePath.ROOT;
        for (String part : path.parts()) {
            folder = folder.child(part);
            EntryType type = typeOf(folder);
            if (type == EntryType.NOT_FOUND) {
                createDirectory(folder, true);
            }
            else if (type != EntryType.DIRECTORY) {
                throw new NotADirectoryException(folder);
            }
        }
    }

    /** One folder, through the resolver, so that a link on the way out of the root is refused. */
    private void createDirectory(StoragePath path, boolean existingIsFine) {
        Path resolved = root.resolve(path);
        try {
            Files.createDirectory(resolved);
        }
        catch (FileAlreadyExistsException e) {
            if (!existingIsFine || !Files.isDirectory(resolved)) {
                throw new AlreadyExistsException(path);
            }
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.CREATE, path.toString(), e);
        }
    }

    /**
     * One {@code rename(2)}. The new name is checked free first; a name taken by someone else in
     * the instant between would be replaced, since Java offers no rename that refuses to.
     */
    @Override
    public void rename(StoragePath from, StoragePath to) {
        if (from.isRoot() || to.isRoot() || to.startsWith(from)) {
            throw new InvalidMoveException(from, to);
        }
        if (StorageRoot.isTemporary(from)) {
            throw new NotFoundException(from);
        }
        to.requirePlainNames();
        Path source = root.resolve(from);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException(from);
        }
        Path folder = existingDirectory(to.parent());
        Path target = folder.resolve(to.name());
        root.resolve(to);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new AlreadyExistsException(to);
        }
        try {
            LocalUpload.moveAtomically(source, target);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.RENAME, from.toString(), e);
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
