package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.fileserver.server.storage.Names;
import dev.fileserver.wire.archive.ArchiveChangedException;
import dev.fileserver.wire.archive.TarballSource;

/**
 * The objects below a folder's key, as a tree to pack. The listing gives keys, sizes and ETags; modes
 * live in each object's metadata, which only a HEAD returns, so those are fetched in parallel. Folders
 * are every marker and every prefix a key implies; keys with a part that is not a plain name (made by
 * another tool) and the server's temporaries are left out. Each file is then read at the ETag it was
 * listed with: one replaced or deleted since fails the transfer with {@link ArchiveChangedException}.
 */
final class PrefixTreeSource implements TarballSource {

    private final Bucket bucket;

    private final String folderKey;

    private final Transfers transfers;

    private final Instant listedAt = Instant.now();

    private int rootMode = ObjectModes.FOLDER_DEFAULT;

    private ReadAhead readAhead;

    private int filesListed;

    PrefixTreeSource(Bucket bucket, String folderKey, Transfers transfers) {
        this.bucket = bucket;
        this.folderKey = folderKey;
        this.transfers = transfers;
    }

    @Override
    public List<ObjectEntry> entries() throws IOException {
        Node root = new Node();
        Map<String, S3Object> listed = new TreeMap<>();
        try {
            for (ListObjectsV2Response page : bucket.pages(folderKey, false)) {
                for (S3Object object : page.contents()) {
                    String name = object.key().substring(folderKey.length());
                    if (root.add(name)) {
                        listed.put(object.key(), object);
                    }
                }
            }
        }
        catch (SdkException e) {
            throw new IOException("cannot list the folder: " + StoreProblems.reason(e), e);
        }
        Map<String, StoredObject> heads = lookUp(listed);
        List<ObjectEntry> entries = new ArrayList<>();
        root.collect("", entries, heads, this);
        rootMode = entries.get(0).mode();
        List<StoredObject> files = entries.stream().filter(entry -> !entry.folder())
                .map(entry -> entry.object().orElseThrow()).toList();
        readAhead = new ReadAhead(bucket, transfers.executor(), files);
        return entries;
    }

    /** The folder's own mode, known once listed. */
    int rootMode() {
        return rootMode;
    }

    /** HEADs every object listed, in parallel; an object deleted meanwhile is simply left out. */
    private Map<String, StoredObject> lookUp(Map<String, S3Object> listed) throws IOException {
        Map<String, StoredObject> heads = new ConcurrentHashMap<>();
        BackgroundWork lookups = transfers.limitedTo(Transfers.LOOKUPS_IN_FLIGHT);
        for (String key : listed.keySet()) {
            lookups.run(() -> bucket.head(key).ifPresent(head -> heads.put(key, head)));
        }
        try {
            lookups.awaitAll();
        }
        catch (SdkException e) {
            throw new IOException("cannot read the folder: " + StoreProblems.reason(e), e);
        }
        return heads;
    }

    /** One folder of the tree: its children by name, sorted like a listing. */
    private static final class Node {

        private final Map<String, Node> folders = new TreeMap<>();

        private final Map<String, String> files = new TreeMap<>();

        private boolean marked;

        /** Places a key's name (relative to the folder); false when it is left out. */
        boolean add(String name) {
            String[] parts = name.split("/", -1);
            boolean folder = name.isEmpty() || name.endsWith("/");
            int names = folder ? parts.length - 1 : parts.length;
            for (int i = 0; i < names; i++) {
                if (!Names.isPlain(parts[i])) {
                    return false;
                }
            }
            Node node = this;
            for (int i = 0; i < names - (folder ? 0 : 1); i++) {
                node = node.folders.computeIfAbsent(parts[i], part -> new Node());
            }
            if (folder) {
                node.marked = true;
            }
            else {
                node.files.put(parts[names - 1], name);
            }
            return true;
        }

        void collect(String path, List<ObjectEntry> entries, Map<String, StoredObject> heads,
                PrefixTreeSource source) {
            StoredObject marker = marked ? heads.get(source.folderKey + (path.isEmpty() ? "" : path + "/")) : null;
            entries.add(ObjectEntry.folder(path, marker, source.listedAt));
            Map<String, Object> children = new TreeMap<>();
            children.putAll(folders);
            files.forEach((name, key) -> {
                // a file and a folder of one name (made by two servers at once): the file is shown
                if (heads.containsKey(source.folderKey + key)) {
                    children.put(name, key);
                }
            });
            children.forEach((name, child) -> {
                String childPath = path.isEmpty() ? name : path + "/" + name;
                if (child instanceof Node node) {
                    node.collect(childPath, entries, heads, source);
                }
                else {
                    entries.add(ObjectEntry.file(childPath, heads.get(source.folderKey + child), source.filesListed++,
                            source));
                }
            });
        }
    }

    /** A folder or a file of the tree, as listed. */
    record ObjectEntry(String name, boolean folder, long size, int mode, FileTime modified,
            Optional<StoredObject> object, int index, PrefixTreeSource source) implements TarballSource.Entry {

        static ObjectEntry folder(String name, StoredObject marker, Instant listedAt) {
            int mode = marker != null ? marker.mode() : ObjectModes.FOLDER_DEFAULT;
            Instant modified = marker != null && marker.modified() != null ? marker.modified() : listedAt;
            return new ObjectEntry(name, true, 0, mode, FileTime.from(modified), Optional.empty(), -1, null);
        }

        /** The {@code index}th file of the tree, in archive order. */
        static ObjectEntry file(String name, StoredObject object, int index, PrefixTreeSource source) {
            Instant modified = object.modified() != null ? object.modified() : source.listedAt;
            return new ObjectEntry(name, false, object.size(), object.mode(), FileTime.from(modified),
                    Optional.of(object), index, source);
        }

        @Override
        public InputStream open() throws IOException {
            try {
                return source.readAhead.open(index, name);
            }
            catch (IOException e) {
                throw new ArchiveChangedException(name);
            }
        }
    }
}
