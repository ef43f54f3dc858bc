package dev.fileserver.server.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.s3.BucketView;
import dev.fileserver.server.storage.s3.EmbeddedS3;
import dev.fileserver.server.support.RunningServer;

/**
 * The quotas with the files in a bucket (S3Proxy in this process): counted by listing the bucket,
 * and otherwise as on the local disk.
 */
class S3QuotaTest extends QuotaConversationContract {

    @TempDir
    static Path temp;

    static EmbeddedS3 s3;

    static BucketView bucket;

    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start(temp.resolve("objects"));
        bucket = s3.createBucket("served/");
        server = RunningServer.start(temp.resolve("unused"), s3.serverArguments(bucket, QUOTA));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        s3.close();
    }

    @Override
    RunningServer server() {
        return server;
    }

    @Override
    void emptyStore() {
        bucket.clear();
    }

    @Override
    void plant(String name, int size) {
        bucket.put(name, "x".repeat(size));
    }

    /** Every key's first name: staged uploads are keys too, so nothing left behind goes unseen. */
    @Override
    List<String> stored() {
        return bucket.names().stream().map(name -> name.contains("/") ? name.substring(0, name.indexOf('/')) : name)
                .distinct().toList();
    }

    @Test
    void aBucketHasNoDiskSpaceToTell() throws Exception {
        assertThat(List.of(quota().split("\n")).get(4)).isEqualTo("disk-free none");
    }
}
