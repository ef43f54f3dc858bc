package dev.fileserver.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.local.FreeSpaceReserve;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.LocalHomes;
import dev.fileserver.server.storage.local.LocalUsageCounter;
import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.storage.local.UploadPolicy;
import dev.fileserver.server.storage.s3.BucketHomes;
import dev.fileserver.server.storage.s3.S3Backend;
import dev.fileserver.server.storage.s3.S3FileStore;
import dev.fileserver.wire.archive.TarballLimits;

/** The {@link FileStore} named by {@code fileserver.storage.type}: the local folder (the default) or an S3 bucket. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static TarballLimits tarballLimits(FileServerProperties properties) {
        return new TarballLimits(properties.maxExtractedSize().toBytes(), properties.maxExtractedEntries(),
                properties.maxPathDepth(), properties.maxPathLength());
    }

    /** The global quota falls back to the S3 backend's older setting, which meant the same. */
    private static Quotas quotas(FileServerProperties properties) {
        FileServerProperties.QuotaSettings quota = properties.quota();
        boolean onS3 = properties.storage().type() == FileServerProperties.Storage.Type.S3;
        DataSize globalBytes = quota.bytes() == null && onS3 ? properties.storage().s3().quota() : quota.bytes();
        return new Quotas(new Quota(bytes(globalBytes), quota.files()),
                new Quota(bytes(quota.perHome().bytes()), quota.perHome().files()));
    }

    private static Long bytes(DataSize size) {
        return size == null ? null : size.toBytes();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnLocalStorage
    static class LocalStorage {

        private static final Logger log = LoggerFactory.getLogger(LocalStorage.class);

        @Bean
        StorageRoot storageRoot(FileServerProperties properties) {
            return StorageRoot.open(properties.root());
        }

        @Bean
        FreeSpaceReserve freeSpaceReserve(StorageRoot root, FileServerProperties properties) {
            return new FreeSpaceReserve(root, properties.freeSpaceReserve().toBytes());
        }

        private static UploadPolicy uploadPolicy(FileServerProperties properties) {
            return new UploadPolicy(properties.maxUploadSize().toBytes(), tarballLimits(properties),
                    properties.syncUploads(), properties.maxExpansionRatio(), properties.resume().keepFor());
        }

        @Bean
        UsageLedger usageLedger(StorageRoot root, FileServerProperties properties) {
            Quotas quotas = quotas(properties);
            return new UsageLedger(new LocalUsageCounter(root), quotas.global(), quotas.perHome());
        }

        @Bean
        LocalFileStore fileStore(StorageRoot root, FreeSpaceReserve reserve, UsageLedger ledger,
                FileServerProperties properties) {
            LocalFileStore store = new LocalFileStore(root, uploadPolicy(properties), new QuotaCapacity(reserve, ledger),
                    properties.directoryCompressionLevel());
            int removed = store.removeStaleTemporaries();
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run under {}", removed, root.path());
            }
            return store;
        }

        @Bean
        LocalHomes homeFolders(StorageRoot root, UsageLedger ledger, FileServerProperties properties) {
            return new LocalHomes(root, uploadPolicy(properties), properties.freeSpaceReserve().toBytes(),
                    properties.directoryCompressionLevel(), ledger);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fileserver.storage.type", havingValue = "s3")
    static class ObjectStorage {

        @Bean(destroyMethod = "close")
        S3Backend s3Backend(FileServerProperties properties) {
            return S3Backend.connect(properties.storage().s3(), properties.maxUploadSize().toBytes(),
                    tarballLimits(properties), properties.maxListingSize().toBytes(), quotas(properties),
                    properties.resume().keepFor());
        }

        @Bean
        UsageLedger usageLedger(S3Backend backend) {
            return backend.ledger();
        }

        @Bean
        S3FileStore fileStore(S3Backend backend) {
            return backend.fileStore();
        }

        @Bean
        BucketHomes homeFolders(S3Backend backend) {
            return new BucketHomes(backend.fileStore(), backend.ledger());
        }

        @Bean
        HealthIndicator bucketHealthIndicator(S3Backend backend) {
            return backend.healthIndicator();
        }
    }

    @Bean
    KeptPartsSweeper keptPartsSweeper(FileStore store, HomeFolders homes, UsageLedger ledger,
            FileServerProperties properties) {
        return new KeptPartsSweeper(store, homes, ledger, properties.resume().keepFor());
    }

    @Bean
    UsageRecount usageRecount(UsageLedger ledger, FileServerProperties properties) {
        return new UsageRecount(ledger, properties.quota().recountInterval());
    }
}
