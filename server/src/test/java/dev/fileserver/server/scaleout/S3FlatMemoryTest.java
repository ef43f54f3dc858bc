package dev.fileserver.server.scaleout;

import static dev.fileserver.server.scaleout.Traffic.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.s3.BucketView;
import dev.fileserver.server.storage.s3.EmbeddedS3;
import dev.fileserver.server.support.ForkedServer;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.V1Client;

/**
 * Flat memory on the S3 backend: a server with a 96 MiB heap and the default part settings moves a
 * 1 GiB file up into a bucket and back down. Holding the file, or more part buffers than the limit
 * allows, would exhaust the heap and end the server; every byte is checked by digest, and the test
 * side never holds the file either.
 */
class S3FlatMemoryTest {

    private static final long SIZE = 1024L * MiB;

    private static final List<String> SMALL_HEAP = List.of("-Xmx96m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    @TempDir
    Path temp;

    @Test
    void aFileOfTenTimesTheHeapGoesUpIntoTheBucketAndComesBackByteForByte() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(temp.resolve("objects"))) {
            BucketView bucket = s3.createBucket("");
            try (ServerProcess server = ForkedServer.start(temp.resolve("unused"), SMALL_HEAP,
                    s3.serverArguments(bucket));
                    V1Client client = V1Client.connectAccepted(server.tcpPort())) {
                assertThat(Traffic.upload(client, "", "blob.bin", 96, SIZE)).isEqualTo("ok");
                assertThat(bucket.names()).containsExactly("blob.bin");

                assertThat(Traffic.download(client, "blob.bin")).isEqualTo(Traffic.digestOf(96, SIZE));

                System.out.printf("S3FlatMemoryTest: %d MiB up and down through a 96 MiB heap; server peak RSS %d MiB%n",
                        SIZE / MiB, server.peakResidentBytes() / MiB);
            }
        }
    }
}
