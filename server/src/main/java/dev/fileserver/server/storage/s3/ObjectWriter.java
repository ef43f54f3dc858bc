package dev.fileserver.server.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 */
final class ObjectWriter {

    private static final Logger log = LoggerFactory.getLogger(ObjectWriter.class);

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final Bucket bucket;

    private final String key;

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
        this.bucket = bucket;
        this.key = key;
        this.metadata = metadata;
        this.precondition = precondition;
        this.buffers = buffers;
        this.work = work;
    }

    /** Bytes written so far. */
    long written() {
        return written;
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
        if (current != null) {
            sendPart();
        }
        work.awaitAll();
        bucket.completeMultipart(key, uploadId, parts.values().stream().toList(), precondition);
        uploadId = null;
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
                    bucket.abortMultipart(key, abandoned);
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
            uploadId = bucket.startMultipart(key, metadata);
        }
        int number = ++partCount;
        String id = uploadId;
        byte[] buffer = current;
        int length = filled;
        current = null;
        work.submit(() -> parts.put(number, bucket.uploadPart(key, id, number, body(buffer, length))),
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
