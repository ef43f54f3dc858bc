package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import dev.fileserver.server.storage.Download;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;

/**
 * A file, streamed from the store when the reply is written. The header comes from a HEAD; the GET
 * asks for that very version (its ETag), so an object replaced or deleted in between fails the
 * transfer, and one replaced while it streams does not change what this GET sends (S3 serves the
 * version it began with).
 */
record ObjectDownload(FileHeader header, Bucket bucket, StoredObject object) implements Download {

    static ObjectDownload of(String name, Bucket bucket, StoredObject object) {
        return new ObjectDownload(FileHeader.ofFile(name, object.mode(), object.size()), bucket, object);
    }

    /** The object's ETag: a resumed download asks for the rest of this very object. */
    @Override
    public String version() {
        return object.eTag() == null ? "" : object.eTag();
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        try (InputStream in = open(bucket, object, header.fileName())) {
            copyExactly(in, out, object.size(), header.fileName());
        }
    }

    /** The content of exactly the version listed; a change since then is reported as one. */
    static ResponseInputStream<GetObjectResponse> open(Bucket bucket, StoredObject object, String name)
            throws IOException {
        try {
            return bucket.get(object.key(), object.eTag());
        }
        catch (SdkException e) {
            if (StoreProblems.isPreconditionFailed(e) || StoreProblems.isNotFound(e)) {
                throw new IOException("'" + name + "' was replaced or deleted while being sent", e);
            }
            throw new IOException("'" + name + "' could not be read: " + StoreProblems.reason(e), e);
        }
    }

    /**
     * Copies exactly {@code size} bytes; a stream that ends early fails the transfer. One stopped
     * early is aborted, not drained: closing it would otherwise read the rest of the object.
     */
    static void copyExactly(InputStream in, OutputStream out, long size, String name) throws IOException {
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        long remaining = size;
        try {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("'" + name + "' ended " + remaining + " bytes early while being sent");
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
        catch (IOException | RuntimeException e) {
            if (in instanceof ResponseInputStream<?> response) {
                response.abort();
            }
            throw e;
        }
    }
}
