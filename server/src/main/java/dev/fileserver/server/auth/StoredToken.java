package dev.fileserver.server.auth;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An API token as the users file keeps it: never the token itself, only its SHA-256 (a token is
 * random and long, so a fast hash is enough, and a token login stays cheap).
 */
record StoredToken(String id, String label, Instant created, @JsonProperty("sha256") String sha256) {
}
