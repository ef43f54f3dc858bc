package dev.fileserver.server.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one object from bytes as they arrive, in part buffers taken from the shared
 * {@link PartBuffers} and sent by the upload's {@link BackgroundWork}, so that one upload never holds
 * more than its slots' worth of buffers, whatever the object's size. Content that fits one part goes in
 * a single PutObject; more becomes a multipart upload on the object's own key, whose parts are sent as
 * they fill. Either way nothing shows under the key before {@link #close()} completes the write, and
 * then all of it shows at once; {@link #abort()} leaves nothing (a multipart upload never completed is
 * invisible, and the bucket's lifecycle rule removes one that even the abort could not reach).
 * <p>
 * An upload that may be kept if cut sends its parts to its kept part's hidden key instead, because
 * S3 can neither read nor move the parts of an unfinished multipart upload: only there can
 * {@link #keep()} turn what arrived into an object that a later upload reads (to hash it) and copies
 * from. Its {@link #close()} then copies the completed object to the final key inside the store.
 */
final class ObjectWriter {

    private static final Logger log = LoggerFactory.getLogger(ObjectWriter.class);

    private static final String CONTENT_TYPE = "application/octet-stream";

    /** The least a part other than the last may hold. */
    static final long MIN_PART = 5L * 1024 * 1024;

    private final Bucket bucket;

    private final String key;

    /** Where the parts go past one: {@code key}, or the hidden key of a part that may be kept. */
    private final String partsKey;

    private final Map<String, String> metadata;

    private final Precondition precondition;

    private final PartBuffers buffers;

    private final BackgroundWork work;

    private final Map<Integer, CompletedPart> parts = new ConcurrentSkipListMap<>();

    private byte[] current;

    private int filled;

    private String uploadId;

    private int partCount;

    private long written;

    ObjectWriter(Bucket bucket, String key, Map<String, String> metadata, Precondition precondition,
            PartBuffers buffers, BackgroundWork work) {
        this(bucket, key, key, metadata, precondition, buffers, work);
    }

    ObjectWriter(Bucket bucket, String key, String partsKey, Map<String, String> metadata, Precondition precondition,
            PartBuffers buffers, BackgroundWork work) {
        this.bucket = bucket;
        this.key = key;
        this.partsKey = partsKey;
        this.metadata = metadata;
        this.precondition = precondition;
        this.buffers = buffers;
        this.work = work;
    }

    /** Whether a multipart upload is under way, at the parts key. */
    boolean multipart() {
        return uploadId != null;
    }

    /** Bytes written so far. */
    long written() {
        return written;
    }

    /**
     * Starts from the object {@code kept}, at the parts key, as it is now: one under 5 MiB is read
     * into the first part buffer (a part may not be smaller unless last); a larger one becomes the
     * first parts by copies inside the store, so its bytes never pass through this server.
     */
    void continueFrom(StoredObject kept) throws IOException {
        if (kept.size() < MIN_PART) {
            takeBuffer();
            int length = (int) kept.size();
            try (InputStream in = bucket.get(kept.key(), kept.eTag())) {
                if (in.readNBytes(current, 0, length) < length) {
                    throw new EOFException("the kept part of '" + key + "' ended early");
                }
            }
            filled = length;
        }
        else {
            uploadId = bucket.startMultipart(partsKey, metadata);
            bucket.copyParts(kept.key(), kept.eTag(), kept.size(), partsKey, uploadId)
                    .forEach(part -> parts.put(part.partNumber(), part));
            partCount = parts.size();
        }
        written = kept.size();
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        int from = offset;
        int left = length;
        while (left > 0) {
            if (current == null) {
                takeBuffer();
            }
            int chunk = Math.min(left, current.length - filled);
            System.arraycopy(bytes, from, current, filled, chunk);
            filled += chunk;
            from += chunk;
            left -= chunk;
            written += chunk;
            if (filled == current.length) {
                sendPart();
            }
        }
    }

    /**
     * Writes the rest and publishes the object. A single part is put in the background (the caller
     * waits for its {@link BackgroundWork} when it must know); a multipart upload is completed here,
     * once its parts have arrived.
     */
    void close() throws IOException {
        if (uploadId == null) {
            if (current == null) {
                work.reserve();
            }
            byte[] buffer = current;
            int length = filled;
            current = null;
            work.submit(() -> bucket.put(key, body(buffer, length), metadata, precondition), () -> {
                if (buffer != null) {
                    buffers.give(buffer);
                }
            });
            return;
        }
        if (partsKey.equals(key)) {
            completeParts(precondition);
            return;
        }
        String eTag = completeParts(Precondition.NONE);
        bucket.copyWhole(partsKey, eTag, written, key, metadata, precondition);
    }

    /**
     * Makes what arrived the object at the parts key, in place of any older one, and waits for it:
     * the last part buffer in hand as the last part, or, before a part was sent, as one object.
     * Nothing arrived, nothing kept.
     */
    void keep() throws IOException {
        if (uploadId != null) {
            completeParts(Precondition.NONE);
            return;
        }
        if (current == null) {
            return;
        }
        byte[] buffer = current;
        current = null;
        try {
            bucket.put(partsKey, body(buffer, filled), metadata, Precondition.NONE);
        }
        finally {
            buffers.give(buffer);
            work.release();
        }
    }

    /** Sends the part in hand and completes the multipart upload at the parts key; returns its ETag. */
    private String completeParts(Precondition required) throws IOException {
        if (current != null) {
            sendPart();
        }
        work.awaitAll();
        String eTag = bucket.completeMultipart(partsKey, uploadId, parts.values().stream().toList(), required);
        uploadId = null;
        return eTag;
    }

    /** Drops what was received; a multipart upload begun is aborted once its parts in flight have ended. */
    void abort() {
        if (current != null) {
            buffers.give(current);
            work.release();
            current = null;
        }
        String abandoned = uploadId;
        uploadId = null;
        if (abandoned != null) {
            work.afterAll(() -> {
                try {
                    bucket.abortMultipart(partsKey, abandoned);
                }
                catch (RuntimeException e) {
                    log.warn("Could not abort the multipart upload of '{}' (the bucket's lifecycle rule will): {}",
                            key, StoreProblems.reason(e));
                }
            });
        }
    }

    private void takeBuffer() throws IOException {
        work.reserve();
        try {
            current = buffers.take();
        }
        catch (IOException e) {
            work.release();
            throw e;
        }
        filled = 0;
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = bucket.startMultipart(partsKey, metadata);
        }
        int number = ++partCount;
        String id = uploadId;
        byte[] buffer = current;
        int length = filled;
        current = null;
        work.submit(() -> parts.put(number, bucket.uploadPart(partsKey, id, number, body(buffer, length))),
                () -> buffers.give(buffer));
    }

    /** The buffer's content, readable again for a retry, never copied. */
    private static RequestBody body(byte[] buffer, int length) {
        if (buffer == null || length == 0) {
            return RequestBody.empty();
        }
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, CONTENT_TYPE);
    }
}
