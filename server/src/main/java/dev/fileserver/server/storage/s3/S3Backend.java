package dev.fileserver.server.storage.s3;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.QuotaCapacity;
import dev.fileserver.server.storage.Quotas;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * The S3 backend as configured: one synchronous client (over the Apache HTTP client) for the bucket,
 * the part buffers and threads every transfer shares, and the store and health check built on them.
 * {@link #connect} checks the bucket first, so a wrong endpoint, bucket or credentials stop start-up
 * with one line instead of failing the first client.
 */
public final class S3Backend implements AutoCloseable {

    private final S3Client client;

    private final Bucket bucket;

    private final Transfers transfers;

    private final UsageLedger ledger;

    private final S3FileStore store;

    private S3Backend(S3Client client, Bucket bucket, Transfers transfers, UsageLedger ledger, S3FileStore store) {
        this.client = client;
        this.bucket = bucket;
        this.transfers = transfers;
        this.ledger = ledger;
        this.store = store;
    }

    /**
     * @param maxUploadBytes  an upload's size as sent
     * @param tarball         how far a folder upload may expand
     * @param maxListingChars a listing longer than this is refused by the command; no more is read
     * @param quotas          what the bucket (below the prefix) and each home folder may hold
     * @param keepPartsFor    how long the part of a cut resumable upload is kept; 0 for none
     */
    public static S3Backend connect(FileServerProperties.S3 settings, long maxUploadBytes,
            TarballLimits tarball, long maxListingChars, Quotas quotas, Duration keepPartsFor) {
        Transfers transfers = new Transfers(new PartBuffers(settings.partSize().toBytes(), settings.uploadBufferBytes()),
                settings.partsInFlight());
        S3Client client = client(settings, transfers.connectionsNeeded());
        Bucket bucket = new Bucket(client, settings.bucket(), settings.prefix());
        try {
            bucket.check();
        }
        catch (SdkException e) {
            client.close();
            transfers.close();
            throw unavailable(settings, e);
        }
        UsageLedger ledger = new UsageLedger(new BucketUsageCounter(bucket), quotas.global(), quotas.perHome());
        S3FileStore store = new S3FileStore(bucket, transfers, new QuotaCapacity(QuotaCapacity.UNBOUNDED, ledger),
                new StoreLimits(maxUploadBytes, tarball, maxListingChars), settings.conditionalWrites(), keepPartsFor,
                Clock.systemUTC());
        return new S3Backend(client, bucket, transfers, ledger, store);
    }

    public S3FileStore fileStore() {
        return store;
    }

    /** What the bucket holds, counted by listing it, against its quotas. */
    public UsageLedger ledger() {
        return ledger;
    }

    /** The health component showing the bucket reachable and writable, and the quota. */
    public HealthIndicator healthIndicator() {
        return new BucketHealthIndicator(bucket, ledger);
    }

    private static S3Client client(FileServerProperties.S3 settings, int connections) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(connections)
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                // checksums only where the API requires them, and plain bodies rather than aws-chunked
                // ones: what S3-compatible stores (Ceph, Garage, SeaweedFS...) all understand
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(FileServerProperties.S3 settings) {
        if (settings.hasExplicitCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                    settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Why the bucket cannot be used, in one line naming the setting to fix. */
    private static BucketUnavailableException unavailable(FileServerProperties.S3 settings, SdkException e) {
        String store = settings.endpoint().isBlank() ? "AWS S3 in " + settings.region() : settings.endpoint();
        String bucket = "bucket '" + settings.bucket() + "'";
        if (e instanceof S3Exception s3) {
            if (s3.statusCode() == 404) {
                return new BucketUnavailableException("fileserver.storage.s3.bucket: " + bucket + " does not exist at "
                        + store, e);
            }
            if (s3.statusCode() == 401 || s3.statusCode() == 403) {
                return new BucketUnavailableException("fileserver.storage.s3: " + store
                        + " refused the credentials for " + bucket + " (" + s3.statusCode() + ")", e);
            }
            return new BucketUnavailableException("fileserver.storage.s3: " + store + " answered " + s3.statusCode()
                    + " for " + bucket, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return new BucketUnavailableException("fileserver.storage.s3: no credentials found (set access-key and "
                    + "secret-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an AWS profile)", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new BucketUnavailableException("fileserver.storage.s3.endpoint: " + store + " is unreachable ("
                + root.getMessage() + ")", e);
    }

    @Override
    public void close() {
        transfers.close();
        client.close();
    }
}
