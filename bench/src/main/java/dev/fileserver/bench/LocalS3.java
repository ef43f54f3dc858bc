package dev.fileserver.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3-compatible server (S3Proxy, objects in a folder of the workspace) in the harness's own JVM on
 * a free loopback port, and a client of it configured as the file server configures its own, so that
 * the direct transfers and the server's meet the same store on the same terms.
 */
final class LocalS3 implements AutoCloseable {

    static final String BUCKET = "bench";

    private static final String ACCESS_KEY = "bench";

    private static final String SECRET_KEY = "bench-secret";

    private final S3Proxy proxy;

    private final S3Client client;

    private LocalS3(S3Proxy proxy, S3Client client) {
        this.proxy = proxy;
        this.client = client;
    }

    static LocalS3 start(Path objects, int connections) throws Exception {
        Files.createDirectories(objects);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", objects.toString());
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("filesystem", properties))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0")).stopTimeout(0).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        S3Client client = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
        client.createBucket(request -> request.bucket(BUCKET));
        return new LocalS3(proxy, client);
    }

    S3Client client() {
        return client;
    }

    /** The file server's settings for this store's bucket, as command-line arguments. */
    List<String> serverArguments() {
        return List.of("--fileserver.storage.type=s3",
                "--fileserver.storage.s3.endpoint=http://127.0.0.1:" + proxy.getPort(),
                "--fileserver.storage.s3.bucket=" + BUCKET, "--fileserver.storage.s3.path-style-access=true",
                "--fileserver.storage.s3.access-key=" + ACCESS_KEY, "--fileserver.storage.s3.secret-key=" + SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
