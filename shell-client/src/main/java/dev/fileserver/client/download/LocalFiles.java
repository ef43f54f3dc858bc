package dev.fileserver.client.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.fileserver.wire.files.RecursiveDelete;

/** Putting a received file or folder in place in one rename, replacing what was there. */
final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * Renames {@code source} to {@code target}. An existing target is renamed aside first and removed
     * only once the new one is in place, so at every moment the target name holds either the old
     * or the new content; a plain file replaces a plain file in the one rename.
     */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        boolean replacesFolder = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        boolean isFolder = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS);
        if (!replacesFolder && !(isFolder && Files.exists(target, LinkOption.NOFOLLOW_LINKS))) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Path old = aside.resolve("old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        finally {
            RecursiveDelete.delete(aside);
        }
    }
}
