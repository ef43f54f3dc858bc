package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.fileserver.server.storage.AlreadyExistsException;
import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.InvalidMoveException;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.InvalidNameException;
import dev.fileserver.server.storage.KeptPartGoneException;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.StoreGuarantees;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.UploadTooLargeException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * A {@link FileStore} on an S3-compatible bucket, which several servers may share: a server keeps
 * nothing of its own, so any of them answers any request. Keys are laid out by {@link Bucket}.
 * <ul>
 * <li>Files, all or nothing: an upload is written to its final key (a multipart upload past one
 * part) and shows only once complete; of two uploads of one name at once, the second to finish is
 * refused where the store has conditional writes (without them, the last to finish wins; either way
 * the object is one whole upload).</li>
 * <li>Folders, weaker: S3 cannot rename, so a folder upload is unpacked into a staging area as it
 * arrives and published by copying ({@link FolderPublisher}). A refused archive or an upload given up
 * leaves the old folder as it was; while publishing, readers may see old and new files side by side,
 * and a publish cut short leaves such a mix. Hence {@code atomicFolderReplace} is false.</li>
 * <li>No links: an object store has none, so nothing can lead out of the root.</li>
 * <li>Listings come page by page from ListObjectsV2 with a delimiter, sorted again by UTF-16 code
 * units like every backend's; a listing past {@code maxListingChars} stops being read there, since the
 * command refuses it anyway.</li>
 * <li>Downloads stream each object at the ETag found when the header was made.</li>
 * <li>Resumable uploads: S3 can neither read nor move the parts of an unfinished multipart upload, and
 * a resumed upload must hash the bytes kept before it goes on, since the digest covers the whole file.
 * So a resumable upload that outgrows one part sends its parts to a hidden key of its own,
 * {@code .fileserver-tmp-kept-parts/TOKEN} ({@link KeptPartObjects}); when cut, the buffer in hand
 * becomes the last part and the multipart upload is completed there (a smaller upload is put there as
 * one object), and that object is the kept part: its length by HEAD, its bytes by a streaming GET.
 * Resuming starts a new multipart upload on the same hidden key whose first parts are copies of the
 * kept part made inside the store (one under 5 MiB, the least a part may hold, is read into the first
 * part buffer instead); the rest streams in as usual. A commit copies the object to its final key,
 * inside the store, under the upload's precondition, then deletes the kept part; a resumed upload cut
 * again replaces it with the longer one. The price: a resumable upload of more than one part is written
 * twice inside the store (a file of one part is put straight to its final key, as before). Parts expire
 * {@code keep-for} after their LastModified, swept by any server; they sit in the bucket, so an upload
 * cut through one server is resumed through another, and each home's are below its prefix.</li>
 * </ul>
 * When a file and a folder share a name (two servers storing each at once), the file is what the name
 * leads to.
 */
public final class S3FileStore implements FileStore {

    private static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::name);

    private final Bucket bucket;

    private final Transfers transfers;

    private final CapacityPolicy capacity;

    private final long maxUploadBytes;

    private final TarballLimits tarballLimits;

    private final long maxListingChars;

    private final boolean conditionalWrites;

    private final StoreLimits limits;

    private final Duration keepPartsFor;

    private final Clock clock;

    private final KeptPartObjects parts;

    /** @param keepPartsFor how long the part of a cut resumable upload is kept, by {@code clock}; 0 for none */
    S3FileStore(Bucket bucket, Transfers transfers, CapacityPolicy capacity, StoreLimits limits,
            boolean conditionalWrites, Duration keepPartsFor, Clock clock) {
        this.bucket = bucket;
        this.transfers = transfers;
        this.capacity = capacity;
        this.maxUploadBytes = limits.maxUploadBytes();
        this.tarballLimits = limits.tarball();
        this.maxListingChars = limits.maxListingChars();
        this.conditionalWrites = conditionalWrites;
        this.limits = limits;
        this.keepPartsFor = keepPartsFor;
        this.clock = clock;
        this.parts = new KeptPartObjects(bucket, keepPartsFor, clock);
    }

    /**
     * The same bucket seen from the folder {@code home}: its keys start with this store's prefix and
     * the home's path, so nothing above the home can be named, as nothing above the prefix can be.
     */
    public S3FileStore below(StoragePath home, CapacityPolicy homeCapacity) {
        return home.isRoot() ? this
                : new S3FileStore(bucket.below(home), transfers, homeCapacity, limits, conditionalWrites,
                        keepPartsFor, clock);
    }

    /** The prefix's last name, or the bucket's when the whole bucket is served. */
    @Override
    public String rootName() {
        String prefix = bucket.prefix();
        if (prefix.isEmpty()) {
            return bucket.name();
        }
        String trimmed = prefix.substring(0, prefix.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public String location() {
        return "s3://" + bucket.name() + "/" + bucket.prefix();
    }

    @Override
    public StoreGuarantees guarantees() {
        return new StoreGuarantees(false, false, false, parts.keeping());
    }

    /** Nothing to check beyond the letters: an object store has no links that could lead elsewhere. */
    @Override
    public void confine(StoragePath path) {
    }

    @Override
    public EntryType typeOf(StoragePath path) {
        if (path.isRoot()) {
            return EntryType.DIRECTORY;
        }
        if (isTemporary(path)) {
            return EntryType.NOT_FOUND;
        }
        try {
            if (bucket.head(bucket.fileKey(path)).isPresent()) {
                return EntryType.FILE;
            }
            return bucket.holdsAnyUnder(bucket.folderKey(path)) ? EntryType.DIRECTORY : EntryType.NOT_FOUND;
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    @Override
    public List<Entry> list(StoragePath directory) {
        existingFolder(directory);
        String folderKey = bucket.folderKey(directory);
        Map<String, Entry> entries = new LinkedHashMap<>();
        long chars = 0;
        try {
            for (ListObjectsV2Response page : bucket.pages(folderKey, true)) {
                for (CommonPrefix folder : page.commonPrefixes()) {
                    String name = folder.prefix().substring(folderKey.length(), folder.prefix().length() - 1);
                    if (Names.isPlain(name)) {
                        entries.putIfAbsent(name, new Entry(name, EntryType.DIRECTORY, 0, Instant.EPOCH));
                    }
                }
                for (S3Object object : page.contents()) {
                    String name = object.key().substring(folderKey.length());
                    if (Names.isPlain(name)) {
                        // a file shares its name with a folder only after a race; the name then leads to the file
                        entries.put(name, new Entry(name, EntryType.FILE, object.size(), object.lastModified()));
                    }
                }
                chars = entries.keySet().stream().mapToLong(name -> name.length() + 1L).sum();
                if (chars > maxListingChars) {
                    break;
                }
            }
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.LIST, directory.toString(), e);
        }
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(BY_NAME);
        return sorted;
    }

    private void existingFolder(StoragePath directory) {
        EntryType type = typeOf(directory);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(directory);
        }
        if (type != EntryType.DIRECTORY) {
            throw new NotADirectoryException(directory);
        }
    }

    @Override
    public Download openForDownload(StoragePath path) {
        if (isTemporary(path)) {
            throw new NotFoundException(path);
        }
        try {
            Optional<StoredObject> file = path.isRoot() ? Optional.empty() : bucket.head(bucket.fileKey(path));
            if (file.isPresent()) {
                return ObjectDownload.of(path.name(), bucket, file.get());
            }
            if (!path.isRoot() && !bucket.holdsAnyUnder(bucket.folderKey(path))) {
                throw new NotFoundException(path);
            }
            String name = path.isRoot() ? rootName() : path.name();
            return FolderDownload.list(name, new PrefixTreeSource(bucket, bucket.folderKey(path), transfers));
        }
        catch (IOException | SdkException e) {
            throw StoreProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    @Override
    public Upload beginUpload(StoragePath directory, FileHeader header) {
        checkedUpload(directory, header);
        String name = header.fileName();
        try {
            capacity.require(directory, name, header.fileLen());
            if (header.compressed()) {
                long room = Math.max(0, Math.min(tarballLimits.maxExpandedBytes(), capacity.availableBytes()));
                return new FolderUpload(directory, header, bucket, transfers,
                        new TarballLimits(room, tarballLimits.maxEntries()), capacity);
            }
            return new FileUpload(directory, header, bucket, precondition(directory.child(name)), transfers);
        }
        catch (IOException | SdkException e) {
            throw StoreProblems.failed(Operation.STORE, name, e);
        }
    }

    /**
     * A file bound to {@code key} is written where its part is kept if cut; one with an offset goes on
     * from the part kept there, which must be exactly that long. Two uploads may continue one part at
     * once (through two servers): each copies the version it found, and of their commits the second to
     * finish is refused where the store has conditional writes.
     */
    @Override
    public Upload beginUpload(StoragePath directory, FileHeader header, PartKey key) {
        long offset = header.extensions().offset();
        if (header.compressed() || !parts.keeping()) {
            if (offset > 0) {
                throw new KeptPartGoneException(header.fileName());
            }
            return beginUpload(directory, header);
        }
        checkedUpload(directory, header);
        String name = header.fileName();
        try {
            // only what is still to come needs room: the kept part is in the bucket already
            capacity.require(directory, name, header.fileLen());
            StoredObject kept = null;
            if (offset == 0) {
                parts.drop(key);
            }
            else {
                kept = parts.find(key).filter(part -> part.size() == offset)
                        .orElseThrow(() -> new KeptPartGoneException(name));
            }
            FileUpload upload = new FileUpload(directory, header, bucket, precondition(directory.child(name)),
                    transfers, parts, key);
            if (kept != null) {
                upload.continueFrom(kept);
            }
            return upload;
        }
        catch (IOException | SdkException e) {
            throw StoreProblems.failed(Operation.STORE, name, e);
        }
    }

    /** Refuses an upload by its header (its name, its whole size) or by a folder that is not there. */
    private void checkedUpload(StoragePath directory, FileHeader header) {
        String name = header.fileName();
        if (!Names.isPlain(name) || (header.compressed() && !Names.isPlain(header.directoryName()))) {
            throw new InvalidNameException(name);
        }
        if (header.totalLength() > maxUploadBytes) {
            throw new UploadTooLargeException(name, header.totalLength(), maxUploadBytes);
        }
        existingFolder(directory);
    }

    @Override
    public long keptLength(PartKey key) {
        try {
            return parts.keeping() ? parts.find(key).map(StoredObject::size).orElse(0L) : 0;
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.READ, key.name(), e);
        }
    }

    /** A streaming GET of the part, at the version its HEAD found. */
    @Override
    public InputStream openKeptPart(PartKey key) {
        try {
            StoredObject kept = parts.find(key).orElseThrow(() -> new KeptPartGoneException(key.name()));
            return bucket.get(kept.key(), kept.eTag());
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.READ, key.name(), e);
        }
    }

    @Override
    public int removeExpiredParts() {
        try {
            return parts.removeExpired();
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.DELETE, KeptPartObjects.FOLDER, e);
        }
    }

    /** What the upload's write will require: the version there now, or nothing there. */
    private Precondition precondition(StoragePath path) {
        if (!conditionalWrites) {
            return Precondition.NONE;
        }
        return bucket.head(bucket.fileKey(path)).map(object -> Precondition.unchanged(object.eTag()))
                .orElse(Precondition.absent());
    }

    @Override
    public void delete(StoragePath path) {
        if (path.isRoot()) {
            throw new RootNotDeletableException();
        }
        EntryType type = typeOf(path);
        try {
            switch (type) {
                case FILE -> bucket.delete(bucket.fileKey(path));
                case DIRECTORY -> bucket.deleteAll(bucket.keysUnder(bucket.folderKey(path)));
                default -> throw new NotFoundException(path);
            }
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.DELETE, path.toString(), e);
        }
    }

    /** A marker object for the deepest folder: every folder above it exists by its prefix. */
    @Override
    public void makeDirectory(StoragePath path, boolean parents) {
        if (!path.toBeMadeAsFolder(parents)) {
            return;
        }
        // from the top down: below a file, a store may answer a key's lookup with an error
        StoragePath above = StoragePath.ROOT;
        for (String part : path.parent().parts()) {
            above = above.child(part);
            EntryType aboveType = typeOf(above);
            if (aboveType == EntryType.FILE) {
                throw new NotADirectoryException(above);
            }
            if (aboveType == EntryType.NOT_FOUND && !parents) {
                throw new NotFoundException(above);
            }
        }
        EntryType type = typeOf(path);
        if (type == EntryType.DIRECTORY && parents) {
            return;
        }
        if (type != EntryType.NOT_FOUND) {
            throw new AlreadyExistsException(path);
        }
        try {
            bucket.put(bucket.folderKey(path), RequestBody.empty(), Map.of(), Precondition.NONE);
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.CREATE, path.toString(), e);
        }
    }

    /**
     * An object store cannot rename: each object is copied under the new name, then the old ones
     * are deleted, so a reader may meet both names meanwhile (declared: {@code atomicRename} false).
     */
    @Override
    public void rename(StoragePath from, StoragePath to) {
        if (from.isRoot() || to.isRoot() || to.startsWith(from)) {
            throw new InvalidMoveException(from, to);
        }
        to.requirePlainNames();
        if (isTemporary(from)) {
            throw new NotFoundException(from);
        }
        EntryType type = typeOf(from);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(from);
        }
        existingFolder(to.parent());
        if (typeOf(to) != EntryType.NOT_FOUND) {
            throw new AlreadyExistsException(to);
        }
        try {
            if (type == EntryType.FILE) {
                StoredObject file = bucket.head(bucket.fileKey(from)).orElseThrow(() -> new NotFoundException(from));
                bucket.copy(file.key(), bucket.fileKey(to), file.size());
                bucket.delete(file.key());
                return;
            }
            String source = bucket.folderKey(from);
            String target = bucket.folderKey(to);
            List<String> keys = bucket.keysUnder(source);
            for (String key : keys) {
                StoredObject object = bucket.head(key).orElseThrow(() -> new NotFoundException(from));
                bucket.copy(key, target + key.substring(source.length()), object.size());
            }
            bucket.deleteAll(keys);
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.RENAME, from.toString(), e);
        }
    }

    private static boolean isTemporary(StoragePath path) {
        return path.parts().stream().anyMatch(Names::isTemporary);
    }
}
