package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import dev.fileserver.wire.Transfer;

/**
 * Unpacks a received gzip tarball into a folder, trusting nothing in it.
 * <ul>
 * <li>Names: absolute names and {@code ..} are refused.</li>
 * <li>Writes: every parent is walked one level at a time through its real path, so nothing is
 * ever created through a symbolic link that leads out, not even an empty folder.</li>
 * <li>Links: symbolic links are created last, after every other entry (so none can be written
 * through), and each must then really resolve inside the folder; hard links must name a regular
 * file already extracted inside it.</li>
 * <li>Devices and fifos are refused; expansion (bytes, entries) is bounded; permission bits are
 * applied without setuid, setgid or sticky.</li>
 * </ul>
 */
public final class TarballExtractor {

    private static final int RECORD = 512;

    /** Headers of one entry (long names and PAX records included); a real one is a few KiB at most. */
    private static final long MAX_HEADERS_BYTES = 1024 * 1024;

    private final TarballLimits limits;

    public TarballExtractor(TarballLimits limits) {
        this.limits = limits;
    }

    /**
     * Extracts {@code gzippedTar} into {@code into}, an existing folder; returns the top-level names
     * it created. On an exception, whatever was extracted is left for the caller to remove.
     */
    public List<String> extract(InputStream gzippedTar, Path into) throws IOException {
        Extraction extraction = new Extraction(into.toRealPath());
        MeteredInputStream metered;
        TarArchiveInputStream tar;
        try {
            metered = new MeteredInputStream(new GzipCompressorInputStream(gzippedTar));
            tar = new TarArchiveInputStream(metered);
        }
        catch (IOException e) {
            throw notATarball(e);
        }
        try (tar) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar, metered)) != null) {
                // its content, rounded up to whole records, and the next entry's first header
                metered.allow(entry.getSize() + 2L * RECORD, "archive entry '" + entry.getName() + "'");
                extraction.add(entry, tar);
            }
        }
        return extraction.finish();
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, MeteredInputStream metered)
            throws UnsafeArchiveException {
        metered.allow(MAX_HEADERS_BYTES, "an archive entry's header");
        try {
            return tar.getNextEntry();
        }
        catch (UnsafeArchiveException e) {
            throw e;
        }
        catch (IOException | IllegalArgumentException e) {
            // commons-compress reports a corrupt header or gzip stream as either of these
            throw notATarball(e);
        }
    }

    private static UnsafeArchiveException notATarball(Exception cause) {
        return new UnsafeArchiveException("not a valid gzip tarball (" + cause.getMessage() + ")", cause);
    }

    /** The state of one extraction: where it writes, what it has counted, what it has deferred. */
    private final class Extraction {

        private final Path folder;

        private final Set<String> topLevel = new LinkedHashSet<>();

        private final Map<Path, Integer> directoryModes = new LinkedHashMap<>();

        private final List<TarArchiveEntry> symbolicLinks = new ArrayList<>();

        private long expanded;

        private int entries;

        Extraction(Path folder) {
            this.folder = folder;
        }

        void add(TarArchiveEntry entry, InputStream content) throws IOException {
            if (++entries > limits.maxEntries()) {
                throw new UnsafeArchiveException("archive has more than " + limits.maxEntries() + " entries");
            }
            List<String> parts = safeParts(entry.getName());
            if (parts.isEmpty()) {
                return;
            }
            topLevel.add(parts.get(0));
            if (entry.isDirectory()) {
                Path directory = createDirectory(parts, entry.getName());
                directoryModes.put(directory, entry.getMode() & 0777);
            }
            else if (entry.isSymbolicLink()) {
                symbolicLinks.add(entry);
            }
            else if (entry.isLink()) {
                createHardLink(parts, entry);
            }
            else if (isRegularFile(entry)) {
                Path file = realParent(parts, entry.getName()).resolve(last(parts));
                writeFile(content, file, entry.getName());
                PosixModes.apply(file, entry.getMode() & 0777);
                Files.setLastModifiedTime(file, FileTime.from(entry.getLastModifiedDate().toInstant()));
            }
            else {
                throw new UnsafeArchiveException("archive entry '" + entry.getName()
                        + "' is not a file, folder or link");
            }
        }

        /** Creates the deferred links, checks where each really leads, and applies folder modes. */
        List<String> finish() throws IOException {
            List<Path> created = new ArrayList<>();
            for (TarArchiveEntry entry : symbolicLinks) {
                created.add(createSymbolicLink(entry));
            }
            // checked only once all exist: a later link can change where an earlier one leads
            for (int i = 0; i < created.size(); i++) {
                if (!leadsInside(created.get(i))) {
                    for (Path each : created) {
                        Files.deleteIfExists(each);
                    }
                    throw new UnsafeArchiveException("symbolic link '" + symbolicLinks.get(i).getName()
                            + "' points outside the target folder");
                }
            }
            // last, so that a read-only folder does not stop its own entries from being written
            List<Path> directories = new ArrayList<>(directoryModes.keySet());
            for (int i = directories.size() - 1; i >= 0; i--) {
                PosixModes.apply(directories.get(i), directoryModes.get(directories.get(i)) | 0700);
            }
            return List.copyOf(topLevel);
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

        private Path createDirectory(List<String> parts, String name) throws IOException {
            Path directory = realParent(parts, name).resolve(last(parts));
            try {
                Files.createDirectory(directory);
                return directory;
            }
            catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UnsafeArchiveException("archive entry '" + name + "' replaces a file or link with a folder");
                }
                return directory;
            }
        }

        private void createHardLink(List<String> parts, TarArchiveEntry entry) throws IOException {
            List<String> targetParts = safeParts(entry.getLinkName());
            if (targetParts.isEmpty()) {
                throw new UnsafeArchiveException("hard link '" + entry.getName() + "' has no file to point to");
            }
            Path existing = realParent(targetParts, entry.getLinkName()).resolve(last(targetParts));
            if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException("hard link '" + entry.getName() + "' has no file to point to");
            }
            Path link = realParent(parts, entry.getName()).resolve(last(parts));
            refuseFolder(link, entry.getName());
            Files.deleteIfExists(link);
            Files.createLink(link, existing);
        }

        private Path createSymbolicLink(TarArchiveEntry entry) throws IOException {
            List<String> parts = safeParts(entry.getName());
            String target = entry.getLinkName();
            Path relativeTarget;
            try {
                relativeTarget = Path.of(target);
            }
            catch (InvalidPathException e) {
                throw new UnsafeArchiveException("symbolic link '" + entry.getName() + "' has an invalid target");
            }
            Path link = realParent(parts, entry.getName()).resolve(last(parts));
            if (target.isEmpty() || relativeTarget.isAbsolute()
                    || !link.getParent().resolve(relativeTarget).normalize().startsWith(folder)) {
                throw new UnsafeArchiveException("symbolic link '" + entry.getName() + "' points outside the target folder");
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException("symbolic link '" + entry.getName() + "' replaces another entry");
            }
            return Files.createSymbolicLink(link, relativeTarget);
        }

        /**
         * The real folder that will hold the entry named by {@code parts}: each level is created if
         * missing, then resolved, and must still be a folder inside the target before the next.
         */
        private Path realParent(List<String> parts, String name) throws IOException {
            Path current = folder;
            for (String part : parts.subList(0, parts.size() - 1)) {
                Path next = current.resolve(part);
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(next);
                }
                next = next.toRealPath();
                if (!next.startsWith(folder) || !Files.isDirectory(next)) {
                    throw new UnsafeArchiveException("archive entry '" + name + "' writes through a symbolic link");
                }
                current = next;
            }
            return current;
        }

        private void writeFile(InputStream content, Path file, String name) throws IOException {
            refuseFolder(file, name);
            Files.deleteIfExists(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buffer = new byte[Transfer.BUFFER_SIZE];
                int read;
                while ((read = readContent(content, buffer)) >= 0) {
                    expanded += read;
                    if (expanded > limits.maxExpandedBytes()) {
                        throw new UnsafeArchiveException("archive expands past the limit of "
                                + limits.maxExpandedBytes() + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
        }

        private static int readContent(InputStream content, byte[] buffer) throws UnsafeArchiveException {
            try {
                return content.read(buffer);
            }
            catch (IOException e) {
                throw notATarball(e);
            }
        }

        private static void refuseFolder(Path path, String name) throws UnsafeArchiveException {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException("archive entry '" + name + "' replaces a folder");
            }
        }
    }

    /** Only the regular-file types: commons-compress calls every non-folder type a "file". */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isFIFO() && !entry.isCharacterDevice() && !entry.isBlockDevice()
                && !entry.isSymbolicLink() && !entry.isLink();
    }

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1);
    }

    /** The name's components, refusing absolute names and {@code ..}; {@code .} and empty parts drop out. */
    static List<String> safeParts(String name) throws UnsafeArchiveException {
        if (name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new UnsafeArchiveException("archive entry '" + name + "' has an absolute name");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new UnsafeArchiveException("archive entry '" + name + "' points outside the target folder");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }
}
