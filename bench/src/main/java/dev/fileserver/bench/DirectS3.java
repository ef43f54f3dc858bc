package dev.fileserver.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Transfers straight between local files and the bucket with the AWS SDK, as a well-made client of
 * the store would do them: the floor the file server on S3 is compared with. Uploads use the server's
 * default part size and parts in flight; folders move one object per file, as many at once.
 */
final class DirectS3 implements AutoCloseable {

    static final int PART_SIZE = 8 * Sizes.MIB;

    static final int IN_FLIGHT = 4;

    private final S3Client client;

    private final String bucket;

    private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);

    DirectS3(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** A multipart upload of {@code file}, {@link #IN_FLIGHT} parts at once. */
    void upload(Path file, String key) throws Exception {
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
        List<Future<CompletedPart>> parts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (parts.size() >= IN_FLIGHT) {
                    // as many buffers as parts in flight, not the whole file
                    parts.get(parts.size() - IN_FLIGHT).get();
                }
                byte[] part = in.readNBytes(PART_SIZE);
                if (part.length == 0) {
                    break;
                }
                int number = parts.size() + 1;
                parts.add(pool.submit(() -> CompletedPart.builder().partNumber(number)
                        .eTag(client.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(number), RequestBody.fromContentProvider(
                                        () -> new ByteArrayInputStream(part), part.length, "application/octet-stream"))
                                .eTag())
                        .build()));
            }
        }
        List<CompletedPart> completed = new ArrayList<>();
        for (Future<CompletedPart> part : parts) {
            completed.add(part.get());
        }
        client.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(completed)));
    }

    /** A GetObject streamed into {@code target}. */
    Checksummed download(String key, Path target) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(request -> request.bucket(bucket).key(key))) {
            return Checksummed.copyToFile(in, target);
        }
    }

    /** Reads an object back, to check what a transfer stored. */
    Checksummed read(String key) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(request -> request.bucket(bucket).key(key))) {
            return Checksummed.copy(in, OutputStream.nullOutputStream());
        }
    }

    /** Every file below {@code folder} as an object below {@code prefix}, {@link #IN_FLIGHT} at once. */
    void uploadFolder(Path folder, String prefix) throws Exception {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.filter(Files::isRegularFile).toList();
        }
        awaitAll(files.stream().map(file -> pool.submit(() -> client.putObject(request -> request.bucket(bucket)
                .key(prefix + folder.relativize(file)), RequestBody.fromFile(file)))).toList());
    }

    /** Every object below {@code prefix} into a file below {@code into}, {@link #IN_FLIGHT} at once. */
    void downloadFolder(String prefix, Path into) throws Exception {
        List<S3Object> objects = client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents().stream().filter(object -> !object.key().endsWith("/")).toList();
        awaitAll(objects.stream().map(object -> pool.submit(() -> {
            Path target = into.resolve(object.key().substring(prefix.length()));
            Files.createDirectories(target.getParent());
            return download(object.key(), target);
        })).toList());
    }

    void deleteUnder(String prefix) {
        List<ObjectIdentifier> keys = client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents().stream().map(object -> ObjectIdentifier.builder().key(object.key()).build()).toList();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            client.deleteObjects(request -> request.bucket(bucket).delete(delete -> delete.objects(batch)));
        }
    }

    private static void awaitAll(List<? extends Future<?>> futures) throws InterruptedException, ExecutionException {
        for (Future<?> future : futures) {
            future.get();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
