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
 * @param shutdownGracePeriod     on shutdown, transfers in progress get this long to finish
 * @param directoryCompressionLevel gzip level of folder downloads: 0 streams them uncompressed with no
 *                                spooling; 1 to 9 compress them, spooled to the system temporary folder
 * @param stateDir                the server's own files (its TLS certificate and key): never inside
 *                                the served root, so no client can read or replace them
 * @param portFile                once the server is ready, its bound ports are written to this file as
 *                                lines tcp=PORT, http=PORT and, with TLS on, tls=PORT (deleted on
 *                                shutdown), for whoever started it with port 0; none unless set
 * @param resume                  how interrupted uploads are kept for resuming
 */
@Validated
@ConfigurationProperties("fileserver")
public record FileServerProperties(
        @NotNull @DefaultValue("./data") Path root,
        @Min(0) @Max(65535) @DefaultValue("8080") int port,
        @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
        @Min(1) @DefaultValue("5") int maxClients,
        @Min(1) Integer maxClientsPerAddress,
        @Min(1) @DefaultValue("256") int acceptBacklog,
        @NotNull @DefaultValue("5m") Duration idleTimeout,
        @NotNull @DefaultValue("10s") Duration loginGraceTime,
        @NotNull @DefaultValue("64KB") DataSize maxTextFrame,
        @NotNull @DefaultValue("64KB") DataSize maxFileHeader,
        @NotNull @DefaultValue("100GB") DataSize maxUploadSize,
        @NotNull @DefaultValue("0B") DataSize maxUploadRate,
        @NotNull @DefaultValue("0B") DataSize maxDownloadRate,
        @NotNull @DefaultValue("16MB") DataSize maxListingSize,
        @NotNull @DefaultValue("64MB") DataSize freeSpaceReserve,
        @NotNull @DefaultValue("100GB") DataSize maxExtractedSize,
        @Min(1) @DefaultValue("100000") int maxExtractedEntries,
        @Min(1) @DefaultValue("256") int maxPathDepth,
        @Min(1) @DefaultValue("4096") int maxPathLength,
        @Min(0) @DefaultValue("100") int maxExpansionRatio,
        @DefaultValue("false") boolean syncUploads,
        @NotNull @DefaultValue("30s") Duration shutdownGracePeriod,
        @Min(0) @Max(9) @DefaultValue("0") int directoryCompressionLevel,
        @NotNull @DefaultValue("./state") Path stateDir,
        Path portFile,
        @NotNull @Valid @DefaultValue DefenderSettings defender,
        @Valid @NotNull @DefaultValue Resume resume) {

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
                && nonNegative(maxListingSize) && nonNegative(maxUploadRate) && nonNegative(maxDownloadRate);
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
