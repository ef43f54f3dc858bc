package dev.fileserver.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of the users file, read again whenever the file has changed (its modification time
 * or size, looked at on each login), so accounts are added and removed without a restart. A file
 * that cannot be read keeps the accounts last read, with a warning.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Path file;

    private final PasswordHashes hashes;

    private Snapshot snapshot = new Snapshot(UsersFile.empty(), null, -1);

    /** @param file the users file; null for none, when nobody can log in */
    Accounts(Path file, PasswordHashes hashes) {
        this.file = file;
        this.hashes = hashes;
    }

    /** Whether a users file is configured (even one with no accounts yet). */
    public boolean configured() {
        return file != null;
    }

    /**
     * The account whose password or API token {@code secret} is. Costs the same whether the name
     * exists or not: a password is checked against a dummy hash then, a token against nothing.
     */
    Optional<Account> authenticate(String name, String secret) {
        StoredAccount stored = AccountName.isValid(name) ? current().get(name) : null;
        String tokenId = ApiToken.idOf(secret);
        boolean matches;
        if (tokenId != null) {
            StoredToken token = stored == null ? null
                    : stored.tokens().stream().filter(candidate -> candidate.id().equals(tokenId)).findFirst().orElse(null);
            // a token that does not exist is hashed all the same, so it costs what a wrong one does
            matches = ApiToken.matches(secret, token == null ? ApiToken.hash("") : token.sha256()) && token != null;
        }
        else {
            matches = hashes.matches(secret, stored == null ? null : stored.password());
        }
        return matches ? Optional.of(Account.of(name, stored)) : Optional.empty();
    }

    private synchronized UsersFile current() {
        if (file == null) {
            return snapshot.users();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.lastModifiedTime().equals(snapshot.modified()) || attributes.size() != snapshot.size()) {
                snapshot = new Snapshot(UsersFile.read(file), attributes.lastModifiedTime(), attributes.size());
                log.info("Read {} accounts from {}", snapshot.users().users().size(), file);
            }
        }
        catch (NoSuchFileException e) {
            if (snapshot.modified() != null || snapshot.size() != 0) {
                log.warn("The users file {} does not exist: no account can log in", file);
                snapshot = new Snapshot(UsersFile.empty(), null, 0);
            }
        }
        catch (IOException e) {
            log.warn("Could not read the users file {} ({}); the accounts last read stay", file, e.getMessage());
        }
        return snapshot.users();
    }

    private record Snapshot(UsersFile users, FileTime modified, long size) {
    }
}
