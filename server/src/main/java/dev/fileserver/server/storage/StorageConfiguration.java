package dev.fileserver.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.local.FreeSpaceReserve;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.LocalHomes;
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
        LocalFileStore fileStore(StorageRoot root, FreeSpaceReserve capacity, FileServerProperties properties) {
            LocalFileStore store = new LocalFileStore(root, uploadPolicy(properties), capacity,
                    properties.directoryCompressionLevel());
            int removed = store.removeStaleTemporaries();
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run under {}", removed, root.path());
            }
            return store;
        }

        @Bean
        LocalHomes homeFolders(StorageRoot root, FileServerProperties properties) {
            return new LocalHomes(root, uploadPolicy(properties), properties.freeSpaceReserve().toBytes(),
                    properties.directoryCompressionLevel());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fileserver.storage.type", havingValue = "s3")
    static class ObjectStorage {

        @Bean(destroyMethod = "close")
        S3Backend s3Backend(FileServerProperties properties) {
            return S3Backend.connect(properties.storage().s3(), properties.maxUploadSize().toBytes(),
                    tarballLimits(properties), properties.maxListingSize().toBytes());
        }

        @Bean
        S3FileStore fileStore(S3Backend backend) {
            return backend.fileStore();
        }

        @Bean
        BucketHomes homeFolders(S3FileStore store) {
            return new BucketHomes(store);
        }

        @Bean
        HealthIndicator bucketHealthIndicator(S3Backend backend) {
            return backend.healthIndicator();
        }
    }

    @Bean
    KeptPartsSweeper keptPartsSweeper(FileStore store, HomeFolders homes, FileServerProperties properties) {
        return new KeptPartsSweeper(store, homes, properties.resume().keepFor());
    }
}
