package dev.fileserver.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.ops.FileServerMetrics.Direction;
import dev.fileserver.server.ops.FileServerMetrics.TransferRecord;
import dev.fileserver.server.session.ConversationState.Abortable;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;

/**
 * The one owner of an upload's life: it begins the store's {@link Upload} for a file frame's
 * header, copies the content in, counts it, and commits or aborts it; nothing else touches an
 * upload. Which turn of the conversation calls which step is the conversation's business.
 */
@Component
class UploadReceiver {

    private final FileStore store;

    private final FileServerMetrics metrics;

    private final long maxUploadBytes;

    UploadReceiver(FileStore store, FileServerMetrics metrics, CommandLimits limits) {
        this.store = store;
        this.metrics = metrics;
        this.maxUploadBytes = limits.maxUploadBytes();
    }

    /** Checks the header and opens the upload; a refusal is a {@code StorageException}. */
    InFlightUpload begin(UploadTarget target, FileHeader header) {
        Upload upload = store.beginUpload(target.directory(), header);
        return new InFlightUpload(header, upload, metrics.transferStarted(Direction.UPLOAD));
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

    /** One upload whose content is arriving or has arrived, not yet committed. */
    static final class InFlightUpload implements Abortable {

        private final FileHeader header;

        private final Upload upload;

        private final TransferRecord transfer;

        private long received;

        private boolean counted;

        InFlightUpload(FileHeader header, Upload upload, TransferRecord transfer) {
            this.header = header;
            this.upload = upload;
            this.transfer = transfer;
        }

        FileHeader header() {
            return header;
        }

        /**
         * Copies the whole content in. Either failure aborts the upload: the store's (a
         * {@code StorageException}) and the connection's (an {@link IOException}) are both rethrown.
         */
        void copy(InputStream content) throws IOException {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            int read;
            try {
                while ((read = content.read(buffer)) >= 0) {
                    received += read;
                    upload.write(buffer, 0, read);
                }
            }
            catch (IOException | RuntimeException e) {
                abort();
                throw e;
            }
            count(true);
        }

        /**
         * Publishes the upload; a failure is a {@code StorageException} and leaves nothing. Long
         * work stops once {@code abandoned} says the client is gone.
         */
        StoragePath commit(BooleanSupplier abandoned) {
            try {
                return upload.commit(abandoned);
            }
            finally {
                upload.abort();
            }
        }

        @Override
        public void abort() {
            upload.abort();
            count(false);
        }

        /** Once per transfer, when it ends: nothing is counted per chunk. */
        private void count(boolean succeeded) {
            if (!counted) {
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
