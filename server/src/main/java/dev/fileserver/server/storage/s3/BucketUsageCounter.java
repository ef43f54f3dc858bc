package dev.fileserver.server.storage.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Usage;
import dev.fileserver.server.storage.UsageCounter;

/**
 * Counts what the bucket holds below a path by listing every object there: one request per
 * thousand objects, so a million objects take a thousand requests (a minute or two). Folder markers
 * are not files; staged uploads and other temporaries are left out, but the kept parts of cut uploads
 * count, in the folder whose store keeps them (the root's, a home's). Several servers sharing the
 * bucket each count on their own, so between two counts each sees only its own uploads.
 */
final class BucketUsageCounter implements UsageCounter {

    private final Bucket bucket;

    BucketUsageCounter(Bucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public Usage count(StoragePath path) {
        try {
            String below = path.isRoot() ? bucket.prefix() : bucket.folderKey(path);
            Usage usage = path.isRoot() ? Usage.NONE
                    : bucket.head(bucket.fileKey(path)).map(file -> Usage.file(file.size())).orElse(Usage.NONE);
            for (ListObjectsV2Response page : bucket.pages(below, false)) {
                for (S3Object object : page.contents()) {
                    if (counts(object.key().substring(below.length()))) {
                        usage = usage.plus(Usage.file(object.size()));
                    }
                }
            }
            return usage;
        }
        catch (SdkException e) {
            throw StoreProblems.failed(Operation.READ, path.toString(), e);
        }
    }

    private static boolean counts(String relativeKey) {
        if (relativeKey.isEmpty() || relativeKey.endsWith("/")) {
            return false;
        }
        String[] names = relativeKey.split("/");
        for (int i = 0; i < names.length; i++) {
            if (Names.isTemporary(names[i])) {
                return i == names.length - 2 && KeptPartObjects.FOLDER.equals(names[i] + "/");
            }
        }
        return true;
    }
}
