package dev.fileserver.server.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads a folder's small files a few ahead of the tarball being written, so that a folder of many
 * small objects costs the store's latency a few times over rather than once per file. A small file
 * is held whole meanwhile (at most {@link #AHEAD} of them, none over {@link #SMALL} bytes); a larger
 * one is streamed when its turn comes. Every read asks for the ETag listed.
 */
final class ReadAhead {

    static final int AHEAD = 8;

    static final long SMALL = 256 * 1024;

    private final Bucket bucket;

    private final Executor executor;

    private final List<StoredObject> files;

    private final Map<Integer, CompletableFuture<byte[]>> fetched = new HashMap<>();

    private int nextAhead;

    ReadAhead(Bucket bucket, Executor executor, List<StoredObject> files) {
        this.bucket = bucket;
        this.executor = executor;
        this.files = files;
    }

    /** The content of the {@code index}th file, as listed; starts reading the next few small ones. */
    InputStream open(int index, String name) throws IOException {
        nextAhead = Math.max(nextAhead, index + 1);
        for (; nextAhead < files.size() && nextAhead <= index + AHEAD; nextAhead++) {
            StoredObject file = files.get(nextAhead);
            if (file.size() <= SMALL) {
                fetched.put(nextAhead, CompletableFuture.supplyAsync(() -> readWhole(file), executor));
            }
        }
        CompletableFuture<byte[]> ahead = fetched.remove(index);
        if (ahead == null) {
            return ObjectDownload.open(bucket, files.get(index), name);
        }
        try {
            return new ByteArrayInputStream(ahead.join());
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private byte[] readWhole(StoredObject file) {
        try (ResponseInputStream<GetObjectResponse> in = ObjectDownload.open(bucket, file, file.key())) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
