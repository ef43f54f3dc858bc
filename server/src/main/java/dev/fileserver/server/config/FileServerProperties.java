package dev.fileserver.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The file server's settings, under {@code fileserver.*}.
 *
 * @param root                    folder served to clients; created if missing
 * @param port                    TCP port of the file service (0 picks a free one)
 * @param bindAddress             address the file service listens on; loopback unless set
 * @param maxClients              connections served at once; the next one gets the v1 rejection greeting
 * @param maxClientsPerAddress    connections one remote address may hold at once; half of max-clients
 *                                (rounded up) when unset, so that one host never takes every slot;
 *                                addresses on the defender's allow-list are not capped
 * @param maxClientsPerAccount    connections one account may hold at once, counted at login; no limit
 *                                unless set
 * @param acceptBacklog           connections the kernel queues before they are accepted; a burst larger
 *                                than this sees connections dropped during the handshake
 * @param idleTimeout             a connection that sends nothing for this long is closed
 * @param loginGraceTime          a connection that has not made its first request this long after it was
 *                                accepted gives its slot up to a newcomer that finds every slot taken
 * @param maxTextFrame            largest request text frame accepted
 * @param maxFileHeader           largest JSON header of a file frame accepted
 * @param maxUploadSize           largest upload accepted (file content or tarball as sent)
 * @param maxUploadRate           file content received per connection per second; 0 for no limit
 * @param maxDownloadRate         file content sent per connection per second; 0 for no limit
 * @param maxUploadRatePerAccount   file content received per second by all of one account's connections
 *                                  together; 0 for no limit
 * @param maxDownloadRatePerAccount file content sent per second to all of one account's connections
 *                                  together; 0 for no limit
 * @param maxListingSize          largest listing or tree sent (one text frame, built in memory); past it
 *                                the request is refused and a sub-folder can be listed instead
 * @param freeSpaceReserve        uploads that would leave less free space than this are refused
 * @param maxExtractedSize        a directory upload may expand to at most this many bytes
 * @param maxExtractedEntries     a directory upload may hold at most this many entries
 * @param maxPathDepth            an entry of a directory upload may be nested at most this many levels
 *                                deep; bounds the work each entry costs
 * @param maxPathLength           an entry's name in a directory upload may be at most this many
 *                                characters long
 * @param maxExpansionRatio       a directory upload may expand to at most this many times the bytes
 *                                sent for it, beyond the first 8 MiB; 0 turns the check off
 * @param syncUploads             force each uploaded file and its new name to disk before it counts as
 *                                stored: a power cut then leaves the old content or the new, never an
 *                                empty file; costs upload throughput
 * @param plainTransfers          how file content moves on the plain listener: {@code channel} (the
 *                                default), uploads read by the socket's channel into a direct buffer;
 *                                {@code streams} through the socket's streams (as on TLS);
 *                                {@code sendfile}, as {@code channel} and also downloads by
 *                                {@code FileChannel.transferTo} when nothing needs to see the bytes
 *                                (no rate, no digest being taken)
 * @param shutdownGracePeriod     on shutdown, transfers in progress get this long to finish
 * @param directoryCompressionLevel gzip level of folder downloads: 0 streams them uncompressed with no
 *                                spooling; 1 to 9 compress them, spooled to the system temporary folder
 * @param stateDir                the server's own files (its TLS certificate and key): never inside
 *                                the served root, so no client can read or replace them
 * @param portFile                once the server is ready, its bound ports are written to this file as
 *                                lines tcp=PORT, http=PORT and, with TLS on, tls=PORT (deleted on
 *                                shutdown), for whoever started it with port 0; none unless set
 * @param resume                  how interrupted uploads are kept for resuming
 * @param quota                   how much may be stored, in bytes and in files: in all, and in each
 *                                account's home folder
 * @param storage                 where the files are kept: the local folder {@code root} (the default) or
 *                                an S3-compatible bucket
 */
@Validated
@ConfigurationProperties("fileserver")
public record FileServerProperties(
        @NotNull @DefaultValue("./data") Path root,
        @Min(0) @Max(65535) @DefaultValue("8080") int port,
        @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
        @Min(1) @DefaultValue("5") int maxClients,
        @Min(1) Integer maxClientsPerAddress,
        @Min(1) Integer maxClientsPerAccount,
        @Min(1) @DefaultValue("1024") int acceptBacklog,
        @NotNull @DefaultValue("5m") Duration idleTimeout,
        @NotNull @DefaultValue("10s") Duration loginGraceTime,
        @NotNull @DefaultValue("64KB") DataSize maxTextFrame,
        @NotNull @DefaultValue("64KB") DataSize maxFileHeader,
        @NotNull @DefaultValue("100GB") DataSize maxUploadSize,
        @NotNull @DefaultValue("0B") DataSize maxUploadRate,
        @NotNull @DefaultValue("0B") DataSize maxDownloadRate,
        @NotNull @DefaultValue("0B") DataSize maxUploadRatePerAccount,
        @NotNull @DefaultValue("0B") DataSize maxDownloadRatePerAccount,
        @NotNull @DefaultValue("16MB") DataSize maxListingSize,
        @NotNull @DefaultValue("64MB") DataSize freeSpaceReserve,
        @NotNull @DefaultValue("100GB") DataSize maxExtractedSize,
        @Min(1) @DefaultValue("100000") int maxExtractedEntries,
        @Min(1) @DefaultValue("256") int maxPathDepth,
        @Min(1) @DefaultValue("4096") int maxPathLength,
        @Min(0) @DefaultValue("100") int maxExpansionRatio,
        @DefaultValue("false") boolean syncUploads,
        @NotNull @DefaultValue("channel") PlainTransfers plainTransfers,
        @NotNull @DefaultValue("30s") Duration shutdownGracePeriod,
        @Min(0) @Max(9) @DefaultValue("0") int directoryCompressionLevel,
        @NotNull @DefaultValue("./state") Path stateDir,
        Path portFile,
        @NotNull @Valid @DefaultValue DefenderSettings defender,
        @Valid @NotNull @DefaultValue Resume resume,
        @Valid @NotNull @DefaultValue QuotaSettings quota,
        @Valid @NotNull @DefaultValue Storage storage) {

    /**
     * The defender's settings, under {@code fileserver.defender.*}.
     *
     * @param enabled             whether offences are counted and addresses banned
     * @param threshold           an address whose offences add up to this score within the window is banned
     * @param window              how far back offences count
     * @param banTime             how long a banned address is refused
     * @param allowList           addresses and CIDR ranges never banned nor capped per address
     * @param maxTrackedAddresses addresses remembered at most; the least recently seen are forgotten first
     */
    public record DefenderSettings(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("15") int threshold,
            @NotNull @DefaultValue("10m") Duration window,
            @NotNull @DefaultValue("10m") Duration banTime,
            @NotNull @DefaultValue({ "127.0.0.0/8", "::1" }) List<String> allowList,
            @Min(1) @DefaultValue("10000") int maxTrackedAddresses) {

        @AssertTrue(message = "window and ban-time must be positive")
        boolean isDurationsValid() {
            return positive(window) && positive(banTime);
        }
    }

    /** Half of {@code max-clients}, rounded up, unless set; never more than {@code max-clients}. */
    public int clientsPerAddress() {
        return Math.min(maxClients, maxClientsPerAddress != null ? maxClientsPerAddress : (maxClients + 1) / 2);
    }

    /**
     * @param keepFor how long the part received of an interrupted resumable upload is kept, from its
     *                last byte, for the same upload to send only the rest; 0 keeps nothing
     */
    public record Resume(@NotNull @DefaultValue("24h") Duration keepFor) {

        @AssertTrue(message = "must not be negative")
        boolean isKeepForValid() {
            return keepFor == null || !keepFor.isNegative();
        }
    }

    /**
     * Quotas, under {@code fileserver.quota.*}. Each limit is off when unset.
     *
     * @param bytes           what the whole store may hold; on S3, {@code fileserver.storage.s3.quota}
     *                        is read when this is unset
     * @param files           how many files the whole store may hold
     * @param perHome         what each account's home folder may hold, once there are accounts
     * @param recountInterval how often what is stored is walked again, for files changed behind the
     *                        server's back; the server's own changes count at once
     */
    public record QuotaSettings(DataSize bytes, @Min(0) Long files, @Valid @NotNull @DefaultValue Limits perHome,
            @NotNull @DefaultValue("1h") Duration recountInterval) {

        @AssertTrue(message = "bytes must not be negative and recount-interval must be positive")
        boolean isQuotaValid() {
            return nonNegative(bytes) && positive(recountInterval);
        }
    }

    /** One folder's quota: bytes and files, each off when unset. */
    public record Limits(DataSize bytes, @Min(0) Long files) {

        @AssertTrue(message = "bytes must not be negative")
        boolean isBytesValid() {
            return nonNegative(bytes);
        }
    }

    @AssertTrue(message = "must be between 1ms and 24 days")
    boolean isIdleTimeoutValid() {
        return idleTimeout == null || (idleTimeout.toMillis() >= 1 && idleTimeout.toMillis() <= Integer.MAX_VALUE);
    }

    @AssertTrue(message = "login-grace-time must be positive")
    boolean isLoginGraceTimeValid() {
        return positive(loginGraceTime);
    }

    @AssertTrue(message = "max-text-frame and max-file-header must be between 1B and 16MB")
    boolean isFrameLimitsValid() {
        return inFrameRange(maxTextFrame) && inFrameRange(maxFileHeader);
    }

    @AssertTrue(message = "sizes must not be negative")
    boolean isSizesValid() {
        return nonNegative(maxUploadSize) && nonNegative(freeSpaceReserve) && nonNegative(maxExtractedSize)
                && nonNegative(maxListingSize) && nonNegative(maxUploadRate) && nonNegative(maxDownloadRate)
                && nonNegative(maxUploadRatePerAccount) && nonNegative(maxDownloadRatePerAccount);
    }

    /**
     * Where the files are kept, under {@code fileserver.storage.*}.
     *
     * @param type {@code local}: the folder {@code fileserver.root}; {@code s3}: the bucket described by
     *             {@code s3}, which several servers may share
     * @param s3   the bucket, read only when {@code type} is {@code s3}
     */
    public record Storage(@NotNull @DefaultValue("local") Type type, @Valid @NotNull @DefaultValue S3 s3) {

        public enum Type {
            LOCAL, S3
        }

        @AssertTrue(message = "fileserver.storage.s3.bucket must be set when fileserver.storage.type is s3")
        boolean isBucketNamedForS3() {
            return type != Type.S3 || (s3 != null && s3.bucket() != null && !s3.bucket().isBlank());
        }
    }

    /**
     * An S3-compatible bucket, under {@code fileserver.storage.s3.*}.
     *
     * @param endpoint             the store's URL ({@code http://ceph.internal:7480}); empty for AWS's own
     *                             endpoint of {@code region}
     * @param region               the region signed into every request; most self-hosted stores accept any
     * @param bucket               the bucket; it must exist
     * @param prefix               keys start with this, so one bucket can hold several trees; empty for the
     *                             whole bucket
     * @param pathStyleAccess      the bucket in the URL's path, not its host name (most self-hosted stores)
     * @param accessKey            with {@code secretKey}: explicit credentials; when empty, the AWS default
     *                             chain (environment, profile, instance role)
     * @param secretKey            the secret of {@code accessKey}
     * @param partSize             uploads go to the store in parts of this size (5MB to 5GB)
     * @param partsInFlight        part buffers one upload may hold: the part being filled and those being sent
     * @param uploadBufferLimit    part buffers all uploads together may hold; empty for a quarter of the heap,
     *                             at most 256MB; an upload past it waits for a buffer
     * @param quota                the older name of {@code fileserver.quota.bytes}, read when that is unset
     * @param conditionalWrites    an upload replaces only the version it saw when it began: of two uploads of
     *                             one name at once, the second to finish is refused instead of silently
     *                             replacing the first; turn off for a store without conditional writes
     * @param connectTimeout       how long connecting to the store may take
     * @param readTimeout          how long the store may stay silent during a request
     */
    public record S3(
            @DefaultValue("") String endpoint,
            @NotBlank @DefaultValue("us-east-1") String region,
            String bucket,
            @NotNull @DefaultValue("") String prefix,
            @DefaultValue("false") boolean pathStyleAccess,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @NotNull @DefaultValue("8MB") DataSize partSize,
            @Min(1) @Max(64) @DefaultValue("4") int partsInFlight,
            DataSize uploadBufferLimit,
            DataSize quota,
            @DefaultValue("true") boolean conditionalWrites,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("60s") Duration readTimeout) {

        /** The smallest part S3 accepts, except for an upload's last. */
        public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

        /** The largest part S3 accepts. */
        public static final long MAX_PART_BYTES = 5L * 1024 * 1024 * 1024;

        @AssertTrue(message = "part-size must be between 5MB and 5GB")
        boolean isPartSizeValid() {
            return partSize == null || (partSize.toBytes() >= MIN_PART_BYTES && partSize.toBytes() <= MAX_PART_BYTES);
        }

        @AssertTrue(message = "upload-buffer-limit must hold at least one part")
        boolean isUploadBufferLimitValid() {
            return uploadBufferLimit == null || partSize == null || uploadBufferLimit.toBytes() >= partSize.toBytes();
        }

        @AssertTrue(message = "quota must not be negative")
        boolean isQuotaValid() {
            return quota == null || quota.toBytes() >= 0;
        }

        @AssertTrue(message = "access-key and secret-key go together")
        boolean isCredentialsComplete() {
            return (accessKey == null || accessKey.isEmpty()) == (secretKey == null || secretKey.isEmpty());
        }

        /** What {@code uploadBufferLimit} comes to: as set, or a quarter of the heap, at most 256 MiB. */
        public long uploadBufferBytes() {
            if (uploadBufferLimit != null) {
                return uploadBufferLimit.toBytes();
            }
            return Math.max(partSize.toBytes(), Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4));
        }

        /** Whether credentials are given here rather than found by the AWS default chain. */
        public boolean hasExplicitCredentials() {
            return accessKey != null && !accessKey.isEmpty();
        }

        /** Hides the secret from logs and failure reports. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix + "]";
        }
    }

    private static boolean inFrameRange(DataSize size) {
        return size == null || (size.toBytes() >= 1 && size.toBytes() <= 16 * 1024 * 1024);
    }

    private static boolean nonNegative(DataSize size) {
        return size == null || size.toBytes() >= 0;
    }

    private static boolean positive(Duration duration) {
        return duration == null || (!duration.isNegative() && !duration.isZero());
    }
}
