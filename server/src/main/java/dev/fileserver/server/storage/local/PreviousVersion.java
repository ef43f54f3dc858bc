package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * What had a name while a folder upload takes it over: moved aside under a temporary name, with
 * a small note of the name it came from, written before the move. If the server dies before the
 * new tree is in place, {@link #restoreAll} puts the old one back at the next start.
 */
final class PreviousVersion {

    private static final Logger log = LoggerFactory.getLogger(PreviousVersion.class);

    private static final String ASIDE = ".old";

    private static final String NOTE = ".old-name";

    private final Path original;

    private final Path aside;

    private final Path note;

    private PreviousVersion(Path original, Path aside, Path note) {
        this.original = original;
        this.aside = aside;
        this.note = note;
    }

    static PreviousVersion setAside(Path original) throws IOException {
        String id = LocalUpload.temporaryName("");
        Path folder = original.getParent();
        PreviousVersion previous = new PreviousVersion(original, folder.resolve(id + ASIDE), folder.resolve(id + NOTE));
        Files.writeString(previous.note, original.getFileName().toString(), StandardCharsets.UTF_8);
        LocalUpload.moveAtomically(original, previous.aside);
        return previous;
    }

    void putBack() throws IOException {
        LocalUpload.moveAtomically(aside, original);
        Files.deleteIfExists(note);
    }

    void discard() {
        RecursiveDelete.deleteQuietly(aside);
        RecursiveDelete.deleteQuietly(note);
    }

    /** Puts back every old version whose name is still free; returns how many. */
    static int restoreAll(List<Path> temporaries) {
        int restored = 0;
        for (Path note : temporaries) {
            String name = note.getFileName().toString();
            if (!name.endsWith(NOTE)) {
                continue;
            }
            Path aside = note.resolveSibling(name.substring(0, name.length() - NOTE.length()) + ASIDE);
            try {
                Path original = note.resolveSibling(Files.readString(note, StandardCharsets.UTF_8));
                if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)
                        && !Files.exists(original, LinkOption.NOFOLLOW_LINKS)
                        && original.getParent().equals(note.getParent())) {
                    LocalUpload.moveAtomically(aside, original);
                    log.info("Restored {} as it was before an interrupted folder upload", original);
                    restored++;
                }
            }
            catch (IOException | RuntimeException e) {
                log.warn("Could not restore the previous version noted in {}: {}", note, e.getMessage());
            }
        }
        return restored;
    }
}
