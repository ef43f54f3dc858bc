package dev.fileserver.server.config;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param acceptBacklog           connections the kernel queues before they are accepted; a burst larger
 *                                than this sees connections dropped during the handshake
 * @param idleTimeout             a connection that sends nothing for this long is closed
 * @param maxTextFrame            largest request text frame accepted
 * @param maxFileHeader           largest JSON header of a file frame accepted
 * @param maxUploadSize           largest upload accepted (file content or tarball as sent)
 * @param maxListingSize          largest listing or tree sent (one text frame, built in memory); past it
 *                                the request is refused and a sub-folder can be listed instead
 * @param freeSpaceReserve        uploads that would leave less free space than this are refused
 * @param maxExtractedSize        a directory upload may expand to at most this many bytes
 * @param maxExtractedEntries     a directory upload may hold at most this many entries
 * @param syncUploads             force each uploaded file and its new name to disk before it counts as
 *                                stored: a power cut then leaves the old content or the new, never an
 *                                empty file; costs upload throughput
 * @param shutdownGracePeriod     on shutdown, transfers in progress get this long to finish
 * @param directoryCompressionLevel gzip level of folder downloads: 0 streams them uncompressed with no
 *                                spooling; 1 to 9 compress them, spooled to the system temporary folder
 * @param resume                  how interrupted uploads are kept for resuming
 */
@Validated
@ConfigurationProperties("fileserver")
public record FileServerProperties(
        @NotNull @DefaultValue("./data") Path root,
        @Min(0) @Max(65535) @DefaultValue("8080") int port,
        @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
        @Min(1) @DefaultValue("5") int maxClients,
        @Min(1) @DefaultValue("256") int acceptBacklog,
        @NotNull @DefaultValue("5m") Duration idleTimeout,
        @NotNull @DefaultValue("64KB") DataSize maxTextFrame,
        @NotNull @DefaultValue("64KB") DataSize maxFileHeader,
        @NotNull @DefaultValue("100GB") DataSize maxUploadSize,
        @NotNull @DefaultValue("16MB") DataSize maxListingSize,
        @NotNull @DefaultValue("64MB") DataSize freeSpaceReserve,
        @NotNull @DefaultValue("100GB") DataSize maxExtractedSize,
        @Min(1) @DefaultValue("100000") int maxExtractedEntries,
        @DefaultValue("false") boolean syncUploads,
        @NotNull @DefaultValue("30s") Duration shutdownGracePeriod,
        @Min(0) @Max(9) @DefaultValue("0") int directoryCompressionLevel,
        @Valid @NotNull @DefaultValue Resume resume) {

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

    @AssertTrue(message = "max-text-frame and max-file-header must be between 1B and 16MB")
    boolean isFrameLimitsValid() {
        return inFrameRange(maxTextFrame) && inFrameRange(maxFileHeader);
    }

    @AssertTrue(message = "sizes must not be negative")
    boolean isSizesValid() {
        return nonNegative(maxUploadSize) && nonNegative(freeSpaceReserve) && nonNegative(maxExtractedSize)
                && nonNegative(maxListingSize);
    }

    private static boolean inFrameRange(DataSize size) {
        return size == null || (size.toBytes() >= 1 && size.toBytes() <= 16 * 1024 * 1024);
    }

    private static boolean nonNegative(DataSize size) {
        return size == null || size.toBytes() >= 0;
    }
}
