package dev.fileserver.server.storage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

import dev.fileserver.server.storage.StoragePath;

/**
 * One bucket below one key prefix, and the one place where a {@link StoragePath} becomes a key: a
 * file {@code a/b.txt} is the object {@code PREFIX a/b.txt}, a folder {@code a} is every key that
 * starts with {@code PREFIX a/}, and an empty folder is kept by a zero-byte marker {@code PREFIX a/}.
 * The calls here are the S3 API's, one request each (a listing page by page); failures are the SDK's
 * unchecked exceptions, for the caller to turn into what it was doing.
 */
final class Bucket {

    /** Where uploads under way keep what they have not published yet; a temporary name, never listed. */
    static final String STAGING = ".fileserver-tmp-staging/";

    /** DeleteObjects takes at most this many keys per request. */
    private static final int DELETE_BATCH = 1000;

    /** CopyObject copies at most 5 GiB; past that, a copy goes in parts. */
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private final S3Client client;

    private final String name;

    private final String prefix;

    Bucket(S3Client client, String name, String prefix) {
        this.client = client;
        this.name = name;
        this.prefix = normalized(prefix);
    }

    /** {@code a/b/} without a leading {@code /}, or empty. */
    static String normalized(String prefix) {
        String trimmed = prefix.replaceAll("^/+", "");
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    String name() {
        return name;
    }

    /** The same bucket below the folder {@code path}, whose keys all start with its folder key. */
    Bucket below(StoragePath path) {
        return new Bucket(client, name, folderKey(path));
    }

    String prefix() {
        return prefix;
    }

    /** The key of a file at {@code path}; the root has none. */
    String fileKey(StoragePath path) {
        return prefix + path;
    }

    /** What every key below the folder {@code path} starts with; also its marker's key. */
    String folderKey(StoragePath path) {
        return path.isRoot() ? prefix : prefix + path + "/";
    }

    /** Where one upload stages its objects before publishing them. */
    String stagingKey(String uploadId) {
        return prefix + STAGING + uploadId + "/";
    }

    Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = client.headObject(request -> request.bucket(name).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), head.eTag(),
                    ObjectModes.read(head.metadata(), key.endsWith("/") ? ObjectModes.FOLDER_DEFAULT
                            : ObjectModes.FILE_DEFAULT),
                    head.lastModified()));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** True when some key starts with {@code keyPrefix}. */
    boolean holdsAnyUnder(String keyPrefix) {
        return client.listObjectsV2(request -> request.bucket(name).prefix(keyPrefix).maxKeys(1)).keyCount() > 0;
    }

    /**
     * The keys starting with {@code keyPrefix}, page by page as the store sends them (sorted by their
     * UTF-8 bytes); {@code delimited} rolls everything below the next {@code /} into common prefixes.
     */
    Iterable<ListObjectsV2Response> pages(String keyPrefix, boolean delimited) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(name).prefix(keyPrefix);
        if (delimited) {
            request.delimiter("/");
        }
        return client.listObjectsV2Paginator(request.build());
    }

    /** Every key starting with {@code keyPrefix}, all pages read. */
    List<String> keysUnder(String keyPrefix) {
        List<String> keys = new ArrayList<>();
        for (ListObjectsV2Response page : pages(keyPrefix, false)) {
            page.contents().forEach(object -> keys.add(object.key()));
        }
        return keys;
    }

    /** The content of exactly the version {@code eTag}; a different or missing one fails with 412 or 404. */
    ResponseInputStream<GetObjectResponse> get(String key, String eTag) {
        return client.getObject(request -> request.bucket(name).key(key).ifMatch(eTag));
    }

    void put(String key, RequestBody body, Map<String, String> metadata, Precondition precondition) {
        client.putObject(request -> request.bucket(name).key(key).metadata(metadata)
                .ifMatch(precondition.ifMatch()).ifNoneMatch(precondition.ifNoneMatch()), body);
    }

    String startMultipart(String key, Map<String, String> metadata) {
        return client.createMultipartUpload(request -> request.bucket(name).key(key).metadata(metadata)).uploadId();
    }

    CompletedPart uploadPart(String key, String uploadId, int number, RequestBody body) {
        String eTag = client.uploadPart(request -> request.bucket(name).key(key).uploadId(uploadId).partNumber(number),
                body).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    /** Completes the upload; returns the ETag of the object it made. */
    String completeMultipart(String key, String uploadId, List<CompletedPart> parts, Precondition precondition) {
        return client.completeMultipartUpload(request -> request.bucket(name).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts))
                .ifMatch(precondition.ifMatch()).ifNoneMatch(precondition.ifNoneMatch())).eTag();
    }

    /**
     * Makes the bytes {@code from} to {@code to} (exclusive) of the object {@code source}, as long as
     * it is still the version {@code sourceETag}, part {@code number} of a multipart upload; the bytes
     * never leave the store.
     */
    CompletedPart copyPart(String source, String sourceETag, String key, String uploadId, int number, long from,
            long to) {
        UploadPartCopyResponse part = client.uploadPartCopy(request -> request.sourceBucket(name).sourceKey(source)
                .copySourceIfMatch(sourceETag).destinationBucket(name).destinationKey(key).uploadId(uploadId)
                .partNumber(number).copySourceRange("bytes=" + from + "-" + (to - 1)));
        return CompletedPart.builder().partNumber(number).eTag(part.copyPartResult().eTag()).build();
    }

    /**
     * Copies the version {@code sourceETag} of {@code source}, {@code size} bytes, to {@code target}
     * with {@code metadata}, as a multipart upload of copied parts completed under {@code precondition}:
     * unlike CopyObject, this is a write every store checks conditions on.
     */
    void copyWhole(String source, String sourceETag, long size, String target, Map<String, String> metadata,
            Precondition precondition) {
        String uploadId = startMultipart(target, metadata);
        try {
            completeMultipart(target, uploadId, copyParts(source, sourceETag, size, target, uploadId), precondition);
        }
        catch (RuntimeException e) {
            abortMultipart(target, uploadId);
            throw e;
        }
    }

    /**
     * The parts, numbered from 1, that copy the whole of {@code source} into the upload
     * {@code uploadId}: as few as the store allows (at most 5 GiB each), all alike in size, so none is
     * under the 5 MiB a part other than the last must hold once the source holds that much.
     */
    List<CompletedPart> copyParts(String source, String sourceETag, long size, String key, String uploadId) {
        long count = Math.max(1, (size + MAX_SINGLE_COPY - 1) / MAX_SINGLE_COPY);
        long each = (size + count - 1) / count;
        List<CompletedPart> parts = new ArrayList<>();
        for (long from = 0; from < size; from += each) {
            parts.add(copyPart(source, sourceETag, key, uploadId, parts.size() + 1, from, Math.min(size, from + each)));
        }
        return parts;
    }

    void abortMultipart(String key, String uploadId) {
        client.abortMultipartUpload(request -> request.bucket(name).key(key).uploadId(uploadId));
    }

    /** Copies an object with its metadata; one of more than 5 GiB is copied part by part. */
    void copy(String source, String target, long size) {
        if (size <= MAX_SINGLE_COPY) {
            client.copyObject(request -> request.sourceBucket(name).sourceKey(source)
                    .destinationBucket(name).destinationKey(target));
            return;
        }
        Map<String, String> metadata = client.headObject(request -> request.bucket(name).key(source)).metadata();
        copyWhole(source, null, size, target, metadata, Precondition.NONE);
    }

    /** Deletes the keys, a thousand per request; a key already gone is not an error. */
    void deleteAll(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            var response = client.deleteObjects(request -> request.bucket(name)
                    .delete(delete -> delete.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var first = response.errors().get(0);
                throw S3Exception.builder().message("could not delete '" + first.key() + "': " + first.message())
                        .statusCode(500).build();
            }
        }
    }

    void delete(String key) {
        client.deleteObject(request -> request.bucket(name).key(key));
    }

    /** Throws when the bucket cannot be reached, does not exist, or refuses these credentials. */
    void check() {
        client.headBucket(request -> request.bucket(name));
    }
}
