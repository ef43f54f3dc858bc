package dev.fileserver.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.storage.local.FreeSpaceReserve;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.StorageRoot;
import dev.fileserver.server.storage.local.UploadPolicy;
import dev.fileserver.wire.archive.TarballLimits;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    StorageRoot storageRoot(FileServerProperties properties) {
        return StorageRoot.open(properties.root());
    }

    @Bean
    FreeSpaceReserve freeSpaceReserve(StorageRoot root, FileServerProperties properties) {
        return new FreeSpaceReserve(root, properties.freeSpaceReserve().toBytes());
    }

    @Bean
    LocalFileStore fileStore(StorageRoot root, FreeSpaceReserve capacity, FileServerProperties properties) {
        UploadPolicy policy = new UploadPolicy(properties.maxUploadSize().toBytes(),
                new TarballLimits(properties.maxExtractedSize().toBytes(), properties.maxExtractedEntries(),
                        properties.maxPathDepth(), properties.maxPathLength()),
                properties.syncUploads(), properties.maxExpansionRatio(), properties.resume().keepFor());
        LocalFileStore store = new LocalFileStore(root, policy, capacity, properties.directoryCompressionLevel());
        int removed = store.removeStaleTemporaries();
        if (removed > 0) {
            log.info("Removed {} temporary files left by an interrupted run under {}", removed, root.path());
        }
        return store;
    }

    @Bean
    KeptPartsSweeper keptPartsSweeper(FileStore store, FileServerProperties properties) {
        return new KeptPartsSweeper(store, properties.resume().keepFor());
    }
}
