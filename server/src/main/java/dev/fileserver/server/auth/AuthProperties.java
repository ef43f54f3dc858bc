package dev.fileserver.server.auth;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts and login, under {@code fileserver.auth.*}.
 *
 * @param usersFile       the accounts file ({@code user add} writes it); none: no accounts, every
 *                        client is served as before
 * @param required        every connection on every listener must log in before anything but
 *                        {@code /capabilities}, {@code /login}, {@code /whoami} and {@code /exit}
 * @param failureDelay    a failed login is answered after this long, doubled for each recent failure of
 *                        the same address or name
 * @param maxFailureDelay the delay grows to this at most; it holds only the failing connection's thread
 * @param lockAfter       this many failures of one address or one name within {@code lockTime} lock it
 * @param lockTime        how long a lock lasts, and how long failures are remembered
 * @param maxTracked      addresses and names remembered at most; the least recently seen go first
 */
@Validated
@ConfigurationProperties("fileserver.auth")
public record AuthProperties(
        Path usersFile,
        @DefaultValue("false") boolean required,
        @NotNull @DefaultValue("1s") Duration failureDelay,
        @NotNull @DefaultValue("8s") Duration maxFailureDelay,
        @Min(1) @DefaultValue("10") int lockAfter,
        @NotNull @DefaultValue("15m") Duration lockTime,
        @Min(1) @DefaultValue("10000") int maxTracked) {

    @AssertTrue(message = "failure-delay, max-failure-delay and lock-time must not be negative")
    boolean isDurationsValid() {
        return failureDelay == null || maxFailureDelay == null || lockTime == null
                || !(failureDelay.isNegative() || maxFailureDelay.isNegative() || lockTime.isNegative());
    }
}
