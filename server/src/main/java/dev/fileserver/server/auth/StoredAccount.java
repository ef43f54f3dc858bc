package dev.fileserver.server.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One account as the users file keeps it.
 *
 * @param password the password's hash with its {@code {id}} prefix, as {@code DelegatingPasswordEncoder} makes it
 * @param home     the home folder: relative to the served root, or absolute; absent for the folder named
 *                 after the account under the root
 * @param readOnly whether the account may only read
 * @param tokens   its API tokens, by hash
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredAccount(String password, String home, @JsonProperty("read-only") boolean readOnly,
        List<StoredToken> tokens) {

    StoredAccount {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    StoredAccount withTokens(List<StoredToken> changed) {
        return new StoredAccount(password, home, readOnly, changed);
    }
}
