package dev.fileserver.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.function.BooleanSupplier;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.ops.FileServerMetrics.Direction;
import dev.fileserver.server.ops.FileServerMetrics.TransferRecord;
import dev.fileserver.server.session.ConversationState.Abortable;
import dev.fileserver.server.storage.DigestMismatchException;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.KeptPartGoneException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.digest.Sha256Pipeline;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerException;
import dev.fileserver.wire.digest.TrailerReader;

/**
 * The one owner of an upload's life: it begins the store's {@link Upload} for a file frame's
 * header, copies the content in (hashing it when a digest trailer follows), counts it, checks the
 * trailer, and commits, aborts or suspends it; nothing else touches an upload. Which turn of the
 * conversation calls which step is the conversation's business.
 */
@Component
class UploadReceiver {

    private final FileServerMetrics metrics;

    private final long maxUploadBytes;

    private final int maxTrailerEntries;

    private final UploadBuffers buffers = new UploadBuffers();

    UploadReceiver(FileServerMetrics metrics, CommandLimits limits) {
        this.metrics = metrics;
        this.maxUploadBytes = limits.maxUploadBytes();
        this.maxTrailerEntries = limits.maxTrailerEntries();
    }

    /**
     * Checks the header and opens the upload; a refusal is a {@code StorageException}. A resumable
     * file is bound to its key, and one that continues a kept part must continue the part the
     * {@code resume} answer found, whose digest so far it goes on from.
     */
    InFlightUpload begin(UploadTarget target, FileHeader header) {
        FileHeader.Extensions extensions = header.extensions();
        PartKey key = target.keyOf(header);
        FileStore store = target.store();
        if (extensions.offset() > 0 && !target.continues(key, extensions.offset())) {
            throw new KeptPartGoneException(header.fileName());
        }
        boolean bound = !header.compressed() && (extensions.resumable() || extensions.offset() > 0);
        UploadQuota quota = UploadQuota.reserve(target.usage(), store, target.directory(), header, bound ? key : null);
        Upload upload;
        try {
            upload = bound ? store.beginUpload(target.directory(), header, key)
                    : store.beginUpload(target.directory(), header);
        }
        catch (RuntimeException e) {
            quota.ended(false);
            throw e;
        }
        quota.begun();
        Sha256Pipeline digest = null;
        if (extensions.sha256Trailer()) {
            digest = new Sha256Pipeline(extensions.offset() > 0 ? copyOf(target.kept().digestSoFar()) : Sha256.start());
        }
        return new InFlightUpload(header, upload, quota, metrics.transferStarted(Direction.UPLOAD), digest,
                new TrailerReader(maxTrailerEntries), buffers);
    }

    private static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    /**
     * Reads and drops a file frame whose folder was missing, so the stream stays in step; one
     * larger than any upload may be is not worth reading, and ends the connection instead.
     */
    void discard(UploadTarget target, FileHeader header, InputStream content) throws IOException {
        if (header.fileLen() > maxUploadBytes) {
            throw new NotFoundException(target.missing());
        }
        content.transferTo(OutputStream.nullOutputStream());
    }

    /**
     * An upload whose content was read and dropped (its folder was missing), waiting only for its
     * trailer to pass: committing it is refused as the folder was.
     */
    InFlightUpload dropped(UploadTarget target, FileHeader header) {
        Upload nowhere = new Upload() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
            }

            @Override
            public StoragePath commit(BooleanSupplier abandoned) {
                throw new NotFoundException(target.missing());
            }

            @Override
            public void abort() {
            }
        };
        // a dropped frame was never a transfer: it is not counted as one
        return new InFlightUpload(header, nowhere, UploadQuota.none(), null, null,
                new TrailerReader(maxTrailerEntries), buffers);
    }

    /** One upload whose content is arriving or has arrived, not yet committed. */
    static final class InFlightUpload implements Abortable {

        private final FileHeader header;

        private final Upload upload;

        private final UploadQuota quota;

        private final TransferRecord transfer;

        private final Sha256Pipeline digest;

        private final TrailerReader trailer;

        private final UploadBuffers buffers;

        private long received;

        private boolean counted;

        InFlightUpload(FileHeader header, Upload upload, UploadQuota quota, TransferRecord transfer,
                Sha256Pipeline digest, TrailerReader trailer, UploadBuffers buffers) {
            this.buffers = buffers;
            this.header = header;
            this.upload = upload;
            this.quota = quota;
            this.transfer = transfer;
            this.digest = digest;
            this.trailer = trailer;
        }

        FileHeader header() {
            return header;
        }

        /** Whether a digest trailer is due before the upload may be committed. */
        boolean awaitsTrailer() {
            return header.extensions().sha256Trailer();
        }

        /**
         * Copies the whole content in: by channel through a direct buffer when the content can be
         * read so (a plain connection, no rate to keep) and the store takes buffers (a digest then
         * copies the bytes once, into its own blocks); through a heap buffer otherwise. The store's failure
         * (a {@code StorageException}) discards the upload; the connection's (an {@link IOException})
         * suspends it, which keeps a resumable one. Both are rethrown.
         */
        void copy(InputStream content) throws IOException {
            try {
                if (upload.writesBuffers() && content instanceof ReadableByteChannel channel) {
                    copyByChannel(channel);
                }
                else {
                    copyThroughHeap(content);
                }
            }
            catch (IOException e) {
                abort();
                throw e;
            }
            catch (RuntimeException e) {
                discard();
                throw e;
            }
            count(true);
        }

        private void copyByChannel(ReadableByteChannel content) throws IOException {
            ByteBuffer buffer = buffers.take();
            try {
                int read;
                while ((read = content.read(buffer)) >= 0) {
                    received += read;
                    buffer.flip();
                    if (digest != null) {
                        digest.update(buffer);
                    }
                    upload.write(buffer);
                    buffer.clear();
                }
            }
            finally {
                buffers.giveBack(buffer);
            }
            if (transfer != null) {
                transfer.movedByChannel(received);
            }
        }

        private void copyThroughHeap(InputStream content) throws IOException {
            // a small file's own size: a megabyte for each of many small uploads is garbage for nothing
            byte[] buffer = new byte[(int) Math.max(1, Math.min(Transfer.BULK_BUFFER_SIZE, header.fileLen()))];
            int read;
            while ((read = content.read(buffer)) >= 0) {
                received += read;
                if (digest != null) {
                    digest.update(buffer, 0, read);
                }
                upload.write(buffer, 0, read);
            }
        }

        /** Takes one frame of the trailer; returns it once whole, null while more frames are due. */
        Sha256Trailer acceptTrailer(String frame) throws TrailerException {
            return trailer.accept(frame);
        }

        /**
         * Holds what arrived to the sender's digests: a file's here, a folder's files by the store
         * as it unpacks them at commit. A difference discards the upload.
         */
        void check(Sha256Trailer announced) {
            if (announced.isPerEntry()) {
                if (!header.compressed()) {
                    discard();
                    throw new DigestMismatchException(header.fileName(), null, "one per file", "a file");
                }
                upload.expectEntries(announced.entries());
                return;
            }
            if (digest == null) {
                // dropped unread: nothing was stored, so there is nothing to check
                return;
            }
            String arrived = digest.hex();
            if (!arrived.equals(announced.whole())) {
                discard();
                throw new DigestMismatchException(header.fileName(), null, announced.whole(), arrived);
            }
            upload.verified(arrived);
        }

        /**
         * Publishes the upload; a failure is a {@code StorageException} and leaves nothing. Long
         * work stops once {@code abandoned} says the client is gone.
         */
        StoragePath commit(BooleanSupplier abandoned) {
            try {
                StoragePath stored = upload.commit(abandoned);
                quota.stored(stored);
                return stored;
            }
            finally {
                upload.abort();
                quota.ended(false);
            }
        }

        /** The connection ended first: a resumable upload keeps its part, any other leaves nothing. */
        @Override
        public void abort() {
            stopHashing();
            upload.suspend();
            quota.ended(true);
            count(false);
        }

        /** Stores nothing and keeps nothing. */
        void discard() {
            stopHashing();
            upload.abort();
            quota.ended(false);
            count(false);
        }

        private void stopHashing() {
            if (digest != null) {
                digest.close();
            }
        }

        /** Once per transfer, when it ends: nothing is counted per chunk. */
        private void count(boolean succeeded) {
            if (!counted && transfer != null) {
                counted = true;
                transfer.finished(received, succeeded);
            }
        }

        @Override
        public String toString() {
            return "upload '" + header.fileName() + "' " + received + " of " + header.fileLen() + " bytes";
        }
    }
}
