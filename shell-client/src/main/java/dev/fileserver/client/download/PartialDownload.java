package dev.fileserver.client.download;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Properties;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The hidden partial file of a file download, kept when the connection is lost so that the same
 * download can ask for the rest, and beside it a small note of what it is part of: the server
 * path and the version the server sent. The note is written before the first byte, so a client
 * killed midway leaves a partial that can still be resumed.
 */
final class PartialDownload {

    private static final String SUFFIX = ".fileserver-part";

    private final Path file;

    private final Path note;

    private final String remotePath;

    private PartialDownload(Path file, Path note, String remotePath) {
        this.file = file;
        this.note = note;
        this.remotePath = remotePath;
    }

    /** Where the partial of {@code remotePath}, named {@code name}, is kept in {@code folder}. */
    static PartialDownload of(Path folder, String name, String remotePath) {
        String stem = "." + DownloadTransfer.hiddenStem(name) + SUFFIX;
        return new PartialDownload(folder.resolve(stem), folder.resolve(stem + ".info"), remotePath);
    }

    Path file() {
        return file;
    }

    /** What is held of this very download, if anything: its length and the version it is part of. */
    Held held() {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(note, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Properties noted = new Properties();
        try (Reader in = Files.newBufferedReader(note, StandardCharsets.UTF_8)) {
            noted.load(in);
            String version = noted.getProperty("version", "");
            long length = Files.size(file);
            return remotePath.equals(noted.getProperty("remote")) && !version.isEmpty() && length > 0
                    ? new Held(length, version) : null;
        }
        catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Notes the version about to arrive, before any of its bytes do. */
    void begin(String version) throws IOException {
        Properties noted = new Properties();
        noted.setProperty("remote", remotePath);
        noted.setProperty("version", version);
        try (Writer out = Files.newBufferedWriter(note, StandardCharsets.UTF_8)) {
            noted.store(out, "part of a download, kept to resume it");
        }
    }

    /** The download is done or has to start over: neither file is left. */
    void discard() {
        RecursiveDelete.deleteQuietly(file);
        RecursiveDelete.deleteQuietly(note);
    }

    /** The note only, once the partial was renamed into place. */
    void finished() {
        RecursiveDelete.deleteQuietly(note);
    }

    record Held(long length, String version) {
    }
}
