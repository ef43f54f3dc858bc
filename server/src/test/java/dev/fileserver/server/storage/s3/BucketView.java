package dev.fileserver.server.storage.s3;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket below one prefix as a test sees it, behind the file server's back: objects put as
 * another tool would put them, and what is there now.
 */
public final class BucketView {

    private final S3Client client;

    private final String bucket;

    private final String prefix;

    public BucketView(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public String name() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }

    /** A file with its mode kept as the server keeps it; a name ending with {@code /} is a folder marker. */
    public BucketView put(String name, String content, int mode) {
        client.putObject(request -> request.bucket(bucket).key(prefix + name)
                .metadata(Map.of("mode", Integer.toOctalString(mode))),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
        return this;
    }

    public BucketView put(String name, String content) {
        return put(name, content, 0644);
    }

    /** Every key below the prefix, the prefix cut off, in the store's order. */
    public List<String> names() {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).map(key -> key.substring(prefix.length())).toList();
    }

    /** Multipart uploads begun on {@code name} and neither completed nor aborted. */
    public int uploadsUnderWay(String name) {
        return client.listMultipartUploads(request -> request.bucket(bucket).prefix(prefix + name)).uploads().size();
    }

    /** The content of {@code name}, or null when there is no such object. */
    public String read(String name) {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(prefix + name)).asUtf8String();
        }
        catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** The mode kept in the object's metadata. */
    public int mode(String name) {
        return Integer.parseInt(client.headObject(request -> request.bucket(bucket).key(prefix + name)).metadata()
                .get("mode"), 8);
    }

    /** Deletes everything below the prefix. */
    public void clear() {
        List<ObjectIdentifier> keys = client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents().stream().map(object -> ObjectIdentifier.builder().key(object.key()).build()).toList();
        if (!keys.isEmpty()) {
            client.deleteObjects(request -> request.bucket(bucket).delete(delete -> delete.objects(keys)));
        }
    }
}
