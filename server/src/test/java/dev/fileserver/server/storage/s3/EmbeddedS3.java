package dev.fileserver.server.storage.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * An S3-compatible server (S3Proxy) in this JVM on a free loopback port, keeping its objects in a
 * folder, with credentials it checks: what the S3 backend's tests run against, no network store
 * needed. It can be stopped and started again on the same port with the same objects, as a store
 * that goes away for a while and comes back.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "fileserver-test";

    public static final String SECRET_KEY = "fileserver-test-secret";

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final BlobStore store;

    private final S3Client client;

    private S3Proxy proxy;

    private int port;

    private EmbeddedS3(BlobStore store) throws Exception {
        this.store = store;
        this.proxy = start(store, 0);
        this.port = proxy.getPort();
        this.client = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Starts a server keeping its objects under {@code directory}, created if missing. */
    public static EmbeddedS3 start(Path directory) throws Exception {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        return new EmbeddedS3(deletingOneAtATime(BlobStores.create("filesystem", properties)));
    }

    /**
     * S3Proxy's file-system store deletes a batch on parallel threads, and two deletes in one folder
     * can each leave the emptied folder on disk to the other, which its listings then show as a
     * common prefix: a folder deleted or renamed on a busy machine was still listed now and then.
     * S3 has no folders to leave behind, so the batch is deleted one object at a time, as S3 behaves.
     */
    private static BlobStore deletingOneAtATime(BlobStore store) {
        return new ForwardingBlobStore(store) {
            @Override
            public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
                List<DeletedObject> deleted = new ArrayList<>();
                for (ObjectIdentifier object : request.delete().objects()) {
                    delegate().removeBlob(DeleteObjectRequest.builder().bucket(request.bucket()).key(object.key())
                            .versionId(object.versionId()).build());
                    deleted.add(DeletedObject.builder().key(object.key()).versionId(object.versionId()).build());
                }
                return DeleteObjectsResponse.builder().deleted(deleted).build();
            }
        };
    }

    private static S3Proxy start(BlobStore store, int port) throws Exception {
        S3Proxy proxy = S3Proxy.builder().blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return proxy;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of this server, to look at the bucket behind the file server's back. */
    public S3Client client() {
        return client;
    }

    /** A new, empty bucket. */
    public String createBucket() {
        String bucket = "bucket-" + BUCKETS.incrementAndGet();
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** A new, empty bucket, seen below {@code prefix}. */
    public BucketView createBucket(String prefix) {
        return new BucketView(client, createBucket(), prefix);
    }

    /**
     * The file server's settings for {@code bucket} below {@code prefix}, as command-line arguments,
     * followed by {@code more} (which win over them).
     */
    public String[] serverArguments(String bucket, String prefix, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--fileserver.storage.type=s3",
                "--fileserver.storage.s3.endpoint=" + endpoint(), "--fileserver.storage.s3.bucket=" + bucket,
                "--fileserver.storage.s3.prefix=" + prefix, "--fileserver.storage.s3.path-style-access=true",
                "--fileserver.storage.s3.access-key=" + ACCESS_KEY,
                "--fileserver.storage.s3.secret-key=" + SECRET_KEY));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** The file server's settings for what {@code bucket} shows, then {@code more}. */
    public String[] serverArguments(BucketView bucket, String... more) {
        return serverArguments(bucket.name(), bucket.prefix(), more);
    }

    /** The store goes away: connections are refused until {@link #restart()}. */
    public void stop() throws Exception {
        proxy.stop();
    }

    /** The store is back, on the same port, with the same objects. */
    public void restart() throws Exception {
        proxy = start(store, port);
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
