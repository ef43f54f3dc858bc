package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

import dev.fileserver.server.storage.CapacityPolicy;

/**
 * An object store's capacity: not its free space, which a bucket does not have, but a quota on what
 * may be kept below the prefix. What is kept is counted by listing every object, again once the last
 * count is older than the recount interval; what this server stores meanwhile is added as it goes.
 * Several servers count each on their own, so together they may pass the quota by what they store
 * within one interval. Without a quota nothing is counted and every upload fits.
 */
final class BucketQuota implements CapacityPolicy {

    private final Bucket bucket;

    private final Long quotaBytes;

    private final Duration recountInterval;

    private final Clock clock;

    private long usedBytes;

    private Instant countedAt;

    BucketQuota(Bucket bucket, Long quotaBytes, Duration recountInterval, Clock clock) {
        this.bucket = bucket;
        this.quotaBytes = quotaBytes;
        this.recountInterval = recountInterval;
        this.clock = clock;
    }

    boolean limited() {
        return quotaBytes != null;
    }

    Long quotaBytes() {
        return quotaBytes;
    }

    @Override
    public long availableBytes() throws IOException {
        return limited() ? quotaBytes - usedBytes() : Long.MAX_VALUE;
    }

    /** Bytes held below the prefix, as last counted plus what this server stored since. */
    synchronized long usedBytes() throws IOException {
        Instant now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(recountInterval))) {
            usedBytes = count();
            countedAt = now;
        }
        return usedBytes;
    }

    /** Notes what this server has just stored, until the next count sees it. */
    synchronized void stored(long bytes) {
        if (countedAt != null) {
            usedBytes += bytes;
        }
    }

    private long count() throws IOException {
        try {
            long total = 0;
            for (ListObjectsV2Response page : bucket.pages(bucket.prefix(), false)) {
                total += page.contents().stream().mapToLong(object -> object.size()).sum();
            }
            return total;
        }
        catch (SdkException e) {
            throw new IOException("cannot count what the bucket holds: " + StoreProblems.reason(e), e);
        }
    }
}
