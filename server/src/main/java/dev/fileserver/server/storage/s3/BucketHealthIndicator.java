package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.util.UUID;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;

import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UsageLedger;

/**
 * {@code bucket}: UP while the bucket answers and takes a write (a small object below the server's
 * temporary prefix, deleted at once); DOWN when it does not; OUT_OF_SERVICE when the quota is used up.
 */
final class BucketHealthIndicator extends AbstractHealthIndicator {

    private final Bucket bucket;

    private final UsageLedger ledger;

    private final String probeKey;

    BucketHealthIndicator(Bucket bucket, UsageLedger ledger) {
        super("Bucket check failed");
        this.bucket = bucket;
        this.ledger = ledger;
        this.probeKey = bucket.prefix() + ".fileserver-tmp-health/" + UUID.randomUUID();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        builder.withDetail("bucket", bucket.name()).withDetail("prefix", bucket.prefix());
        try {
            bucket.check();
            builder.withDetail("reachable", true);
            bucket.put(probeKey, RequestBody.fromString("ok"), java.util.Map.of(), Precondition.NONE);
            bucket.delete(probeKey);
            builder.withDetail("writable", true);
        }
        catch (SdkException e) {
            builder.down().withDetail("problem", StoreProblems.reason(e));
            return;
        }
        UsageLedger.Report root = ledger.report(StoragePath.ROOT);
        if (root.quota().bytes() != null) {
            builder.withDetail("usedBytes", root.used().bytes()).withDetail("quotaBytes", root.quota().bytes());
            if (root.used().bytes() >= root.quota().bytes()) {
                builder.status(Status.OUT_OF_SERVICE).withDetail("problem", "the quota is used up");
                return;
            }
        }
        builder.up();
    }
}
