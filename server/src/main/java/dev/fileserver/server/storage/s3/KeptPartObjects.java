package dev.fileserver.server.storage.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.PartKey;

/**
 * The parts of interrupted uploads, one object each under {@code PREFIX .fileserver-tmp-kept-parts/TOKEN}
 * (named like the server's temporaries, so never listed, served or deleted by a client), kept for
 * {@code keepFor} after their last byte: the object's LastModified, stamped by the store, so a part
 * kept again (a resumed upload cut again) starts its time anew, and servers whose clocks agree agree
 * on when it expires. Being in the bucket, a part cut through one server is found by any other. A
 * home's store has its own prefix, hence its own parts.
 */
final class KeptPartObjects {

    static final String FOLDER = Names.TEMPORARY_PREFIX + "kept-parts/";

    private final Bucket bucket;

    private final Duration keepFor;

    private final Clock clock;

    KeptPartObjects(Bucket bucket, Duration keepFor, Clock clock) {
        this.bucket = bucket;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** Whether parts are kept at all ({@code keep-for} 0 keeps none). */
    boolean keeping() {
        return !keepFor.isZero() && !keepFor.isNegative();
    }

    String key(PartKey key) {
        return bucket.prefix() + FOLDER + key.token();
    }

    /** The part kept under {@code key}, unless its time is up. */
    Optional<StoredObject> find(PartKey key) {
        return bucket.head(key(key)).filter(part -> !expired(part.modified()));
    }

    void drop(PartKey key) {
        bucket.delete(key(key));
    }

    /**
     * Deletes the parts whose time is up. Several servers may sweep at once: deleting a key already
     * gone is no error, so whichever gets there first removes a part and the others change nothing.
     */
    int removeExpired() {
        List<String> expired = new ArrayList<>();
        for (ListObjectsV2Response page : bucket.pages(bucket.prefix() + FOLDER, false)) {
            for (S3Object part : page.contents()) {
                if (expired(part.lastModified())) {
                    expired.add(part.key());
                }
            }
        }
        bucket.deleteAll(expired);
        return expired.size();
    }

    private boolean expired(Instant lastByte) {
        return !lastByte.plus(keepFor).isAfter(clock.instant());
    }
}
