package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import dev.fileserver.wire.Transfer;

/**
 * Unpacks a received gzip tarball into a folder, trusting nothing in it: every entry must stay
 * inside the folder (no {@code ..}, no absolute name, no write through a symbolic link), links
 * may only point inside it, device and fifo entries are refused, expansion is bounded, and
 * permission bits are applied without setuid, setgid or sticky.
 */
public final class TarballExtractor {

    private final TarballLimits limits;

    public TarballExtractor(TarballLimits limits) {
        this.limits = limits;
    }

    /**
     * Extracts {@code gzippedTar} into {@code into}, an existing folder; returns the top-level names
     * it created. On an exception, whatever was extracted is left for the caller to remove.
     */
    public List<String> extract(InputStream gzippedTar, Path into) throws IOException {
        Path folder = into.toRealPath();
        Set<String> topLevel = new LinkedHashSet<>();
        Map<Path, Integer> directoryModes = new LinkedHashMap<>();
        long expanded = 0;
        int entries = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(gzippedTar))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException("archive has more than " + limits.maxEntries() + " entries");
                }
                List<String> parts = safeParts(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                topLevel.add(parts.get(0));
                Path target = resolveInside(folder, parts, entry.getName());
                if (entry.isDirectory()) {
                    createDirectory(folder, target, entry.getName());
                    directoryModes.put(target, entry.getMode() & 0777);
                }
                else if (entry.isSymbolicLink()) {
                    createSymbolicLink(folder, target, entry);
                }
                else if (entry.isLink()) {
                    Path existing = resolveInside(folder, safeParts(entry.getLinkName()), entry.getLinkName());
                    prepareParent(folder, target, entry.getName());
                    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                        throw new UnsafeArchiveException("hard link '" + entry.getName() + "' has no file to point to");
                    }
                    Files.deleteIfExists(target);
                    Files.createLink(target, existing);
                }
                else if (entry.isFile()) {
                    prepareParent(folder, target, entry.getName());
                    expanded = writeFile(tar, target, expanded);
                    PosixModes.apply(target, entry.getMode() & 0777);
                    Files.setLastModifiedTime(target, FileTime.from(entry.getLastModifiedDate().toInstant()));
                }
                else {
                    throw new UnsafeArchiveException("archive entry '" + entry.getName() + "' is not a file, folder or link");
                }
            }
        }
        catch (UnsafeArchiveException e) {
            throw e;
        }
        catch (IOException | IllegalArgumentException e) {
            // commons-compress reports a corrupt header or gzip stream as either of these
            throw new UnsafeArchiveException("not a valid gzip tarball (" + e.getMessage() + ")", e);
        }
        // Applied last: a read-only folder must not stop its own entries from being written.
        List<Path> directories = new ArrayList<>(directoryModes.keySet());
        for (int i = directories.size() - 1; i >= 0; i--) {
            PosixModes.apply(directories.get(i), directoryModes.get(directories.get(i)) | 0700);
        }
        return List.copyOf(topLevel);
    }

    private long writeFile(InputStream content, Path target, long expandedSoFar) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("archive entry '" + target.getFileName() + "' replaces a folder");
        }
        Files.deleteIfExists(target);
        long expanded = expandedSoFar;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) >= 0) {
                expanded += read;
                if (expanded > limits.maxExpandedBytes()) {
                    throw new UnsafeArchiveException("archive expands past the limit of "
                            + limits.maxExpandedBytes() + " bytes");
                }
                out.write(buffer, 0, read);
            }
        }
        return expanded;
    }

    private static void createSymbolicLink(Path folder, Path target, TarArchiveEntry entry) throws IOException {
        String linkName = entry.getLinkName();
        Path link = Path.of(linkName);
        if (linkName.isEmpty() || link.isAbsolute()
                || !target.getParent().resolve(link).normalize().startsWith(folder)) {
            throw new UnsafeArchiveException("symbolic link '" + entry.getName() + "' points outside the target folder");
        }
        prepareParent(folder, target, entry.getName());
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, link);
    }

    private static void createDirectory(Path folder, Path target, String name) throws IOException {
        prepareParent(folder, target, name);
        if (Files.isSymbolicLink(target)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' writes through a symbolic link");
        }
        try {
            Files.createDirectory(target);
        }
        catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException("archive entry '" + name + "' replaces a file with a folder");
            }
        }
    }

    /** Creates missing parent folders and checks that no parent is, or passes through, a link out. */
    private static void prepareParent(Path folder, Path target, String name) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(folder)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' writes through a symbolic link");
        }
    }

    private static Path resolveInside(Path folder, List<String> parts, String name) throws UnsafeArchiveException {
        Path target = folder;
        for (String part : parts) {
            target = target.resolve(part);
        }
        target = target.normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new UnsafeArchiveException("archive entry '" + name + "' points outside the target folder");
        }
        return target;
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
