package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.s3.StagedFolderSink.Staged;

/**
 * Puts a staged folder in place of whatever had its name. S3 cannot rename, so this is not one step:
 * the staged objects are copied to their final keys (each copy replacing one object atomically),
 * then whatever the old tree held that the new one does not is deleted, and a file of the same name
 * with it. While that runs, a reader may see old and new files side by side; a publish cut short
 * (the store unreachable, the server killed) leaves such a mix until the folder is uploaded again.
 * What was staged is deleted last, or by the bucket's lifecycle rule when the server could not.
 */
final class FolderPublisher {

    private final Bucket bucket;

    private final Transfers transfers;

    FolderPublisher(Bucket bucket, Transfers transfers) {
        this.bucket = bucket;
        this.transfers = transfers;
    }

    /**
     * @param stagingKey what the staged names are relative to
     * @param directory  the folder the uploaded one goes into; the staged names start with its name
     * @param folder     the uploaded folder's final path
     */
    void publish(String stagingKey, List<Staged> staged, StoragePath directory, StoragePath folder)
            throws IOException {
        List<String> old = bucket.keysUnder(bucket.folderKey(folder));
        bucket.head(bucket.fileKey(folder)).ifPresent(file -> old.add(file.key()));
        String into = bucket.folderKey(directory);
        Set<String> fresh = new HashSet<>();
        BackgroundWork copies = transfers.limitedTo(Transfers.COPIES_IN_FLIGHT);
        for (Staged object : staged) {
            String target = into + object.name();
            fresh.add(target);
            copies.run(() -> bucket.copy(stagingKey + object.name(), target, object.size()));
        }
        copies.awaitAll();
        List<String> gone = new ArrayList<>();
        for (String key : old) {
            if (!fresh.contains(key)) {
                gone.add(key);
            }
        }
        bucket.deleteAll(gone);
    }
}
