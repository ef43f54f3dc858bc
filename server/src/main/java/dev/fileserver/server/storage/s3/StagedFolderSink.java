package dev.fileserver.server.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.sync.RequestBody;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.ReservedNameException;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.ExtractionSink;
import dev.fileserver.wire.archive.UnsafeArchiveException;

/**
 * Stores the entries of a folder upload as objects below a staging key, where nobody looks, for
 * {@link FolderPublisher} to copy into place once the archive was read whole and found sound.
 * Every folder gets a marker object (so that it stays when emptied, as a folder on disk does); files
 * are put in the background, many small ones at once. An object store has no links:
 * a symbolic link is refused, a hard link becomes a copy of the file it names.
 */
final class StagedFolderSink implements ExtractionSink {

    /** What the sink stored, by name relative to the staging key; a folder's name ends with {@code /}. */
    record Staged(String name, long size) {

        boolean folder() {
            return name.endsWith("/");
        }
    }

    private final Bucket bucket;

    private final String stagingKey;

    /** A file no larger than this is held whole while it is put, {@link Transfers#SMALL_PUTS_IN_FLIGHT} at once. */
    static final int SMALL_FILE = 64 * 1024;

    private final Transfers transfers;

    private final BackgroundWork work;

    private final BackgroundWork smallPuts;

    private final byte[] buffer = new byte[Transfer.BUFFER_SIZE];

    /** Entry name to whether it is a folder: an archive may not turn one into the other. */
    private final Map<String, Boolean> kinds = new LinkedHashMap<>();

    private final Map<String, Staged> staged = new LinkedHashMap<>();

    private ObjectWriter current;

    StagedFolderSink(Bucket bucket, String stagingKey, Transfers transfers) {
        this.bucket = bucket;
        this.stagingKey = stagingKey;
        this.transfers = transfers;
        this.work = transfers.forUpload();
        this.smallPuts = transfers.limitedTo(Transfers.SMALL_PUTS_IN_FLIGHT);
    }

    List<Staged> staged() {
        return new ArrayList<>(staged.values());
    }

    @Override
    public void folder(List<String> parts, int mode, FileTime modified) throws IOException {
        refuseReserved(parts);
        parents(parts);
        markFolder(parts, mode);
    }

    /**
     * A small file (most of a typical folder) is read whole into an array of its own size and put with
     * many others at once; a larger one goes through the upload's part buffers like any upload.
     */
    @Override
    public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        refuseReserved(parts);
        parents(parts);
        String name = String.join("/", parts);
        claimFile(name);
        byte[] head = content.readNBytes(SMALL_FILE + 1);
        if (head.length <= SMALL_FILE) {
            smallPuts.run(() -> bucket.put(stagingKey + name, RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(head), head.length, "application/octet-stream"),
                    ObjectModes.metadata(mode), Precondition.NONE));
            staged.put(name, new Staged(name, head.length));
            return;
        }
        current = new ObjectWriter(bucket, stagingKey + name, ObjectModes.metadata(mode), Precondition.NONE,
                transfers.buffers(), work);
        current.write(head, 0, head.length);
        int read;
        while ((read = content.read(buffer)) >= 0) {
            current.write(buffer, 0, read);
        }
        current.close();
        staged.put(name, new Staged(name, current.written()));
        current = null;
    }

    @Override
    public void hardLink(List<String> parts, List<String> target) throws IOException {
        refuseReserved(parts);
        String targetName = String.join("/", target);
        Staged file = staged.get(targetName);
        if (file == null || file.folder()) {
            throw new UnsafeArchiveException("hard link '" + String.join("/", parts) + "' has no file to point to");
        }
        parents(parts);
        String name = String.join("/", parts);
        claimFile(name);
        // the file it names must be stored before it can be copied
        awaitAll();
        bucket.copy(stagingKey + targetName, stagingKey + name, file.size());
        staged.put(name, new Staged(name, file.size()));
    }

    @Override
    public void symbolicLink(List<String> parts, String target) throws UnsafeArchiveException {
        throw new UnsafeArchiveException("symbolic link '" + String.join("/", parts)
                + "' cannot be stored: the server keeps its files in an object store");
    }

    /** Waits for the objects still being put; a failure to store one fails the extraction. */
    @Override
    public void finish() throws IOException {
        awaitAll();
    }

    private void awaitAll() throws IOException {
        work.awaitAll();
        smallPuts.awaitAll();
    }

    /** Runs {@code cleanup} on a pool thread once every object sent has been stored or has failed. */
    void afterAll(Runnable cleanup) {
        work.afterAll(() -> smallPuts.afterAll(cleanup));
    }

    /** Gives up the object being written, if any. */
    void abort() {
        if (current != null) {
            current.abort();
            current = null;
        }
    }

    /** Every folder on the way to an entry exists, whether or not the archive lists it. */
    private void parents(List<String> parts) throws IOException {
        for (int depth = 1; depth < parts.size(); depth++) {
            List<String> parent = parts.subList(0, depth);
            if (!kinds.containsKey(String.join("/", parent))) {
                markFolder(parent, ObjectModes.FOLDER_DEFAULT);
            }
            else if (!kinds.get(String.join("/", parent))) {
                throw new UnsafeArchiveException("archive entry '" + String.join("/", parts) + "' is inside a file");
            }
        }
    }

    private void markFolder(List<String> parts, int mode) throws IOException {
        String name = String.join("/", parts);
        Boolean folder = kinds.put(name, true);
        if (folder != null && !folder) {
            throw new UnsafeArchiveException("archive entry '" + name + "' replaces a file or link with a folder");
        }
        String marker = name + "/";
        smallPuts.run(() -> bucket.put(stagingKey + marker, RequestBody.empty(),
                ObjectModes.metadata(mode), Precondition.NONE));
        staged.put(marker, new Staged(marker, 0));
    }

    private void claimFile(String name) throws UnsafeArchiveException {
        Boolean folder = kinds.put(name, false);
        if (folder != null && folder) {
            throw new UnsafeArchiveException("archive entry '" + name + "' replaces a folder");
        }
    }

    /** Names the server keeps for its own temporaries would be invisible and undeletable once stored. */
    private static void refuseReserved(List<String> parts) {
        if (parts.stream().anyMatch(Names::isTemporary)) {
            throw new ReservedNameException(String.join("/", parts));
        }
    }
}
