package dev.fileserver.client.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The servers whose self-signed certificates this user has accepted, one per line as
 * {@code HOST:PORT SHA256:...}, in the spirit of ssh's {@code known_hosts}: a line may be deleted
 * by hand to forget a server; {@code #} starts a comment.
 */
public final class KnownHosts {

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The fingerprint remembered for {@code server}, with its line number for messages. */
    Optional<Entry> find(String server) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split("\\s+");
            if (fields.length >= 2 && !fields[0].startsWith("#") && fields[0].equals(server)) {
                return Optional.of(new Entry(i + 1, fields[1]));
            }
        }
        return Optional.empty();
    }

    /** Adds {@code server}; the file is replaced in one step, so a crash leaves the old one or the new. */
    void remember(String server, String fingerprint) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        lines.add(server + " " + fingerprint);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    record Entry(int line, String fingerprint) {
    }
}
