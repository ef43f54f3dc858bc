package dev.fileserver.server.command;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;

@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    @Bean
    CommandLimits commandLimits(FileServerProperties properties) {
        return new CommandLimits(properties.maxListingSize().toBytes(), properties.maxUploadSize().toBytes(),
                properties.maxExtractedEntries());
    }
}
