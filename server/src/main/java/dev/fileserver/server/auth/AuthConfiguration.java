package dev.fileserver.server.auth;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.storage.HomeFolders;
import dev.fileserver.server.tls.PlaintextExposure;
import dev.fileserver.server.tls.PlaintextProperties;

/** Accounts and the login step; with {@code fileserver.auth.required}, a users file is a must. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthProperties.class, PlaintextProperties.class })
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    PasswordHashes passwordHashes() {
        return new PasswordHashes();
    }

    @Bean
    Accounts accounts(AuthProperties auth, PasswordHashes hashes, FileServerProperties properties,
            PlaintextProperties plaintext) {
        if (auth.required() && auth.usersFile() == null) {
            throw new StartupException("fileserver.auth.required is true but fileserver.auth.users-file is not set:"
                    + " nobody could log in");
        }
        if (auth.required()) {
            PlaintextExposure.check(properties.bindAddress(), plaintext, "logins are required");
        }
        if (auth.usersFile() != null) {
            log.info("Accounts from {}{}", auth.usersFile().toAbsolutePath(),
                    auth.required() ? "; every connection must log in" : "");
        }
        return new Accounts(auth.usersFile(), hashes);
    }

    @Bean
    Logins logins(Accounts accounts, AuthProperties auth, FileServerProperties properties, HomeFolders homes,
            Defender defender, MeterRegistry registry) {
        return new Logins(accounts, new LoginThrottle(auth, Clock.systemUTC()),
                new AccountSlots(properties.maxClientsPerAccount()), homes, defender, auth.required(), registry);
    }
}
