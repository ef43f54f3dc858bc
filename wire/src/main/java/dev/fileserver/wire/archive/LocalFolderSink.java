package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.wire.Transfer;

/**
 * Stores extracted entries in a folder on a local file system, never outside it.
 * <ul>
 * <li>Writes: every parent is walked one level at a time through its real path, so nothing is
 * ever created through a symbolic link that leads out, not even an empty folder.</li>
 * <li>Links: symbolic links are created last, after every other entry (so none can be written
 * through), and each must then really resolve inside the folder; hard links must name a regular
 * file already inside it.</li>
 * <li>Modes: a file's are applied as it is written, a folder's last, so that a read-only folder
 * still receives its entries; the owner keeps write access to folders. Folder times are not kept.</li>
 * </ul>
 */
public final class LocalFolderSink implements ExtractionSink {

    private final Path folder;

    private final byte[] buffer = new byte[Transfer.BUFFER_SIZE];

    private final Map<Path, Integer> folderModes = new LinkedHashMap<>();

    private final List<SymbolicLink> symbolicLinks = new ArrayList<>();

    /** {@code folder} must exist. */
    public LocalFolderSink(Path folder) throws IOException {
        this.folder = folder.toRealPath();
    }

    @Override
    public void folder(List<String> parts, int mode, FileTime modified) throws IOException {
        Path directory = realParent(parts).resolve(last(parts));
        try {
            Files.createDirectory(directory);
        }
        catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException("archive entry '" + name(parts) + "' replaces a file or link with a folder");
            }
        }
        folderModes.put(directory, mode);
    }

    @Override
    public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        Path file = realParent(parts).resolve(last(parts));
        refuseFolder(file, parts);
        Files.deleteIfExists(file);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            int read;
            while ((read = content.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        }
        PosixModes.apply(file, mode);
        Files.setLastModifiedTime(file, modified);
    }

    @Override
    public void hardLink(List<String> parts, List<String> target) throws IOException {
        Path existing = realParent(target).resolve(last(target));
        if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("hard link '" + name(parts) + "' has no file to point to");
        }
        Path link = realParent(parts).resolve(last(parts));
        refuseFolder(link, parts);
        Files.deleteIfExists(link);
        Files.createLink(link, existing);
    }

    /** Only noted: created in {@link #finish()}, once nothing more can be written through it. */
    @Override
    public void symbolicLink(List<String> parts, String target) {
        symbolicLinks.add(new SymbolicLink(parts, target));
    }

    /** Creates the deferred links, checks where each really leads, and applies folder modes. */
    @Override
    public void finish() throws IOException {
        List<Path> created = new ArrayList<>();
        for (SymbolicLink link : symbolicLinks) {
            created.add(createSymbolicLink(link));
        }
        // checked only once all exist: a later link can change where an earlier one leads
        for (int i = 0; i < created.size(); i++) {
            if (!leadsInside(created.get(i))) {
                for (Path each : created) {
                    Files.deleteIfExists(each);
                }
                throw new UnsafeArchiveException("symbolic link '" + name(symbolicLinks.get(i).parts)
                        + "' points outside the target folder");
            }
        }
        // last, so that a read-only folder does not stop its own entries from being written
        List<Path> directories = new ArrayList<>(folderModes.keySet());
        for (int i = directories.size() - 1; i >= 0; i--) {
            PosixModes.apply(directories.get(i), folderModes.get(directories.get(i)) | 0700);
        }
    }

    /**
     * Where the link really leads, or for a dangling one, where the nearest existing part of its
     * target really is: a dangling link must not wait for something outside to appear.
     */
    private boolean leadsInside(Path link) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link));
        while (target != null && !Files.exists(target)) {
            target = target.getParent();
        }
        return target != null && target.toRealPath().startsWith(folder);
    }

    private Path createSymbolicLink(SymbolicLink symbolicLink) throws IOException {
        List<String> parts = symbolicLink.parts;
        String target = symbolicLink.target;
        Path relativeTarget;
        try {
            relativeTarget = Path.of(target);
        }
        catch (InvalidPathException e) {
            throw new UnsafeArchiveException("symbolic link '" + name(parts) + "' has an invalid target");
        }
        Path link = realParent(parts).resolve(last(parts));
        if (target.isEmpty() || relativeTarget.isAbsolute()
                || !link.getParent().resolve(relativeTarget).normalize().startsWith(folder)) {
            throw new UnsafeArchiveException("symbolic link '" + name(parts) + "' points outside the target folder");
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("symbolic link '" + name(parts) + "' replaces another entry");
        }
        return Files.createSymbolicLink(link, relativeTarget);
    }

    /**
     * The real folder that will hold the entry named by {@code parts}: each level is created if
     * missing, then resolved, and must still be a folder inside the target before the next.
     */
    private Path realParent(List<String> parts) throws IOException {
        Path current = folder;
        for (String part : parts.subList(0, parts.size() - 1)) {
            Path next = current.resolve(part);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(next);
            }
            next = next.toRealPath();
            if (!next.startsWith(folder) || !Files.isDirectory(next)) {
                throw new UnsafeArchiveException("archive entry '" + name(parts) + "' writes through a symbolic link");
            }
            current = next;
        }
        return current;
    }

    private static void refuseFolder(Path path, List<String> parts) throws UnsafeArchiveException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("archive entry '" + name(parts) + "' replaces a folder");
        }
    }

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1);
    }

    /** The entry's checked name, for a refusal. */
    private static String name(List<String> parts) {
        return String.join("/", parts);
    }

    private record SymbolicLink(List<String> parts, String target) {
    }
}
