package dev.fileserver.server.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The accounts, as kept in the users file: YAML a person can read, one entry per account name.
 * Written whole to a temporary file beside it (owner-only from its creation) and renamed over it,
 * so a reader sees the old file or the new one, never half of one.
 */
record UsersFile(@JsonProperty("users") Map<String, StoredAccount> users) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    UsersFile {
        users = users == null ? new TreeMap<>() : new TreeMap<>(users);
    }

    static UsersFile empty() {
        return new UsersFile(Map.of());
    }

    /** The file's accounts; none when it does not exist yet. */
    static UsersFile read(Path file) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return empty();
            }
            UsersFile read = YAML.readValue(bytes, UsersFile.class);
            return read == null ? empty() : read;
        }
        catch (NoSuchFileException e) {
            return empty();
        }
        catch (JacksonException e) {
            throw new IOException(file + " is not a users file: " + e.getOriginalMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: its own defaults apply
            Files.createFile(temporary);
        }
        try {
            Files.write(temporary, YAML.writeValueAsBytes(this));
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Held while one command line reads, changes and writes the file, so that two run at once
     * (a script adding accounts in parallel) do not lose each other's change. A lock file beside it,
     * since the file itself is replaced by every write.
     */
    static Lock lock(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        FileChannel channel = FileChannel.open(absolute.resolveSibling("." + absolute.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new Lock(channel, channel.lock());
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock of {@link #lock}; closing it lets the next writer in. */
    record Lock(FileChannel channel, FileLock held) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                held.release();
            }
            finally {
                channel.close();
            }
        }
    }

    StoredAccount get(String name) {
        return users.get(name);
    }

    UsersFile with(String name, StoredAccount account) {
        Map<String, StoredAccount> changed = new TreeMap<>(users);
        changed.put(name, account);
        return new UsersFile(changed);
    }

    UsersFile without(String name) {
        Map<String, StoredAccount> changed = new TreeMap<>(users);
        changed.remove(name);
        return new UsersFile(changed);
    }
}
