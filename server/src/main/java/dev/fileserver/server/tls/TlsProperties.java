package dev.fileserver.server.tls;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The TLS listener, under {@code fileserver.tls.*}: the same conversation as the plaintext one,
 * inside TLS from the first byte (implicit TLS on its own port, as IMAPS does; no STARTTLS).
 *
 * @param enabled          whether the TLS listener runs
 * @param port             its TCP port (0 picks a free one)
 * @param address          the address it listens on
 * @param bundle           the Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.NAME} or
 *                         {@code .jks.NAME}) with the server's key and certificate; when unset, a
 *                         self-signed certificate is made on first start and kept in the state folder
 * @param handshakeTimeout a client must finish its handshake within this, or it is closed: a
 *                         connection that sends nothing must not hold a thread for the idle timeout
 * @param protocols        the TLS versions offered
 */
@Validated
@ConfigurationProperties("fileserver.tls")
public record TlsProperties(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(65535) @DefaultValue("8443") int port,
        @NotBlank @DefaultValue("127.0.0.1") String address,
        String bundle,
        @NotNull @DefaultValue("10s") Duration handshakeTimeout,
        @NotEmpty @DefaultValue({"TLSv1.3", "TLSv1.2"}) List<String> protocols) {
}
