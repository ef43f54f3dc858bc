package dev.fileserver.wire.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.wire.Transfer;

/**
 * Stores extracted entries in a folder on a local file system, never outside it.
 * <ul>
 * <li>Writes: every folder is entered one level at a time without following links, from the
 * folders already entered for the entries before ({@link FolderWalk}), so nothing is ever created
 * through a symbolic link, not even an empty folder, and an entry costs the levels it does not
 * share with the one before rather than its whole depth.</li>
 * <li>Links: symbolic links are created last, after every other entry (so none can be written
 * through), and each must then really resolve inside the folder; hard links must name a regular
 * file already inside it.</li>
 * <li>Modes: a file's are applied as it is written, a folder's last, so that a read-only folder
 * still receives its entries; the owner keeps write access to folders. Folder times are not kept.</li>
 * </ul>
 */
public final class LocalFolderSink implements ExtractionSink, Closeable {

    private final Path folder;

    private final FolderWalk walk;

    private final byte[] buffer = new byte[Transfer.BUFFER_SIZE];

    private final Map<List<String>, Integer> folderModes = new LinkedHashMap<>();

    private final List<SymbolicLink> symbolicLinks = new ArrayList<>();

    /** {@code folder} must exist. */
    public LocalFolderSink(Path folder) throws IOException {
        this(folder.toRealPath(), FolderHandle::open);
    }

    /** Through {@code opener}, which opens the real path {@code folder} as the extraction's root. */
    LocalFolderSink(Path folder, Opener opener) throws IOException {
        this.folder = folder;
        this.walk = new FolderWalk(opener.open(folder));
    }

    @Override
    public void folder(List<String> parts, int mode, FileTime modified) throws IOException {
        FolderHandle parent = parentOf(parts);
        String name = last(parts);
        try {
            parent.createFolder(name);
        }
        catch (FileAlreadyExistsException e) {
            if (parent.kind(name) != FolderHandle.Kind.FOLDER) {
                throw new UnsafeArchiveException("archive entry '" + name(parts) + "' replaces a file or link with a folder");
            }
        }
        folderModes.put(parts, mode);
    }

    @Override
    public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        FolderHandle parent = parentOf(parts);
        String name = last(parts);
        try (OutputStream out = createReplacing(parent, name, parts)) {
            int read;
            while ((read = content.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        }
        // the time first: setting it opens the file for reading, which its mode may not allow
        parent.setModified(name, modified);
        parent.setMode(name, mode);
    }

    /** A new file of that name, after removing an earlier file or link of the same name. */
    private static OutputStream createReplacing(FolderHandle parent, String name, List<String> parts)
            throws IOException {
        try {
            return parent.createFile(name);
        }
        catch (FileAlreadyExistsException e) {
            removeForReplacement(parent, name, parts);
            return parent.createFile(name);
        }
    }

    @Override
    public void hardLink(List<String> parts, List<String> target) throws IOException {
        Path existing;
        try {
            FolderHandle targetParent = walk.folder(target.subList(0, target.size() - 1), false, parts);
            if (targetParent.kind(last(target)) != FolderHandle.Kind.FILE) {
                throw new NoSuchFileException(name(target));
            }
            existing = targetParent.path().resolve(last(target));
        }
        catch (NoSuchFileException e) {
            throw new UnsafeArchiveException("hard link '" + name(parts) + "' has no file to point to");
        }
        FolderHandle parent = parentOf(parts);
        String name = last(parts);
        if (parent.kind(name) != FolderHandle.Kind.NONE) {
            removeForReplacement(parent, name, parts);
        }
        Files.createLink(parent.path().resolve(name), existing);
    }

    private static void removeForReplacement(FolderHandle parent, String name, List<String> parts) throws IOException {
        if (parent.kind(name) == FolderHandle.Kind.FOLDER) {
            throw new UnsafeArchiveException("archive entry '" + name(parts) + "' replaces a folder");
        }
        parent.delete(name);
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
        // last, so that a read-only folder does not stop its own entries from being written; in
        // archive order, the order the walk went down them, so that it goes down them as cheaply
        for (Map.Entry<List<String>, Integer> folderMode : folderModes.entrySet()) {
            List<String> parts = folderMode.getKey();
            walk.folder(parts, false, parts).setOwnMode(folderMode.getValue() | 0700);
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
        FolderHandle parent = parentOf(parts);
        Path link = parent.path().resolve(last(parts));
        if (target.isEmpty() || relativeTarget.isAbsolute()
                || !link.getParent().resolve(relativeTarget).normalize().startsWith(folder)) {
            throw new UnsafeArchiveException("symbolic link '" + name(parts) + "' points outside the target folder");
        }
        if (parent.kind(last(parts)) != FolderHandle.Kind.NONE) {
            throw new UnsafeArchiveException("symbolic link '" + name(parts) + "' replaces another entry");
        }
        return Files.createSymbolicLink(link, relativeTarget);
    }

    /** The folder that holds the entry named by {@code parts}, missing levels created. */
    private FolderHandle parentOf(List<String> parts) throws IOException {
        return walk.folder(parts.subList(0, parts.size() - 1), true, parts);
    }

    @Override
    public void close() throws IOException {
        walk.close();
    }

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1);
    }

    /** The entry's checked name, for a refusal. */
    private static String name(List<String> parts) {
        return TarballExtractor.shown(String.join("/", parts));
    }

    /** Opens the root of an extraction: a seam for counting the steps it takes. */
    interface Opener {

        FolderHandle open(Path folder) throws IOException;
    }

    private record SymbolicLink(List<String> parts, String target) {
    }
}
