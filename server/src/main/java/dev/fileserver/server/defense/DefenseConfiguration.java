package dev.fileserver.server.defense;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.ops.FileServerMetrics;

@Configuration(proxyBeanMethods = false)
class DefenseConfiguration {

    @Bean
    Defender defender(FileServerProperties properties, FileServerMetrics metrics) {
        try {
            return new Defender(properties.defender(), metrics);
        }
        catch (IllegalArgumentException e) {
            throw new StartupException("fileserver.defender.allow-list: " + e.getMessage(), e);
        }
    }
}
