package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a received gzip tarball into an {@link ExtractionSink}, trusting nothing in it. What
 * needs no backend is done here, for every sink:
 * <ul>
 * <li>Names: absolute names, {@code ..} and control characters are refused, and so are names
 * nested deeper or longer than the limits; the sink gets the checked parts.</li>
 * <li>Types: devices and fifos are refused; files, folders and links are handed on.</li>
 * <li>Expansion is bounded: entries, bytes of content as the sink reads them, and the headers
 * of each entry. Permission bits are handed on without setuid, setgid or sticky.</li>
 * <li>Work stops, between entries and between chunks of content, once whoever asked for the
 * extraction no longer wants it.</li>
 * </ul>
 * Into a local folder, nothing is written through a symbolic link, links are checked once they
 * all exist, and each entry costs a number of steps bounded by its own depth: see
 * {@link #extract(InputStream, Path)}.
 */
public final class TarballExtractor {

    private static final int RECORD = 512;

    /** Headers of one entry (long names and PAX records included); a real one is a few KiB at most. */
    private static final long MAX_HEADERS_BYTES = 1024 * 1024;

    /** How much of a refused name its refusal shows. */
    private static final int SHOWN_NAME_CHARS = 200;

    private final TarballLimits limits;

    private final BooleanSupplier stopped;

    public TarballExtractor(TarballLimits limits) {
        this(limits, () -> false);
    }

    /**
     * {@code stopped} is asked between entries and between chunks of content; once it says yes the
     * extraction ends with {@link ExtractionStoppedException}. It is asked often, so it must be cheap.
     */
    public TarballExtractor(TarballLimits limits, BooleanSupplier stopped) {
        this.limits = limits;
        this.stopped = stopped;
    }

    /**
     * Extracts {@code gzippedTar} into {@code into}, an existing local folder, never outside it:
     * every folder is entered without following links, symbolic links are created last and must
     * then really lead inside, hard links must name a regular file inside. Returns the top-level
     * names it created; on an exception, whatever was extracted is left for the caller to remove.
     */
    public List<String> extract(InputStream gzippedTar, Path into) throws IOException {
        try (LocalFolderSink sink = new LocalFolderSink(into)) {
            return extract(gzippedTar, sink);
        }
    }

    /**
     * Extracts {@code gzippedTar} into {@code sink}, calling {@link ExtractionSink#finish()} once
     * the archive was read whole; returns the top-level names, once each, in archive order. On an
     * exception, whatever the sink stored is left for the caller to remove.
     */
    public List<String> extract(InputStream gzippedTar, ExtractionSink sink) throws IOException {
        MeteredInputStream metered;
        TarArchiveInputStream tar;
        try {
            metered = new MeteredInputStream(new GzipCompressorInputStream(gzippedTar));
            tar = new TarArchiveInputStream(metered);
        }
        catch (IOException e) {
            throw UnsafeArchiveException.notATarball(e);
        }
        Set<String> topLevel = new LinkedHashSet<>();
        try (tar) {
            EntryContentStream content = new EntryContentStream(tar, limits.maxExpandedBytes(), stopped);
            int entries = 0;
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar, metered)) != null) {
                if (stopped.getAsBoolean()) {
                    throw new ExtractionStoppedException();
                }
                // its content, rounded up to whole records, and the next entry's first header
                metered.allow(entry.getSize() + 2L * RECORD, "archive entry '" + shown(entry.getName()) + "'");
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException("archive has more than " + limits.maxEntries() + " entries");
                }
                List<String> parts = safeParts(entry.getName());
                if (!parts.isEmpty()) {
                    topLevel.add(parts.get(0));
                    handOn(entry, parts, content, sink);
                }
            }
        }
        sink.finish();
        return List.copyOf(topLevel);
    }

    private void handOn(TarArchiveEntry entry, List<String> parts, EntryContentStream content,
            ExtractionSink sink) throws IOException {
        int mode = entry.getMode() & 0777;
        if (entry.isDirectory()) {
            sink.folder(parts, mode, entry.getLastModifiedTime());
        }
        else if (entry.isSymbolicLink()) {
            sink.symbolicLink(parts, entry.getLinkName());
        }
        else if (entry.isLink()) {
            List<String> target = safeParts(entry.getLinkName());
            if (target.isEmpty()) {
                throw new UnsafeArchiveException("hard link '" + shown(entry.getName()) + "' has no file to point to");
            }
            sink.hardLink(parts, target);
        }
        else if (isRegularFile(entry)) {
            content.handOver();
            sink.file(parts, mode, entry.getLastModifiedTime(), content);
            content.takeBack();
        }
        else {
            throw new UnsafeArchiveException("archive entry '" + shown(entry.getName())
                    + "' is not a file, folder or link");
        }
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
            throw UnsafeArchiveException.notATarball(e);
        }
    }

    /** Only the regular-file types: commons-compress calls every non-folder type a "file". */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isFIFO() && !entry.isCharacterDevice() && !entry.isBlockDevice()
                && !entry.isSymbolicLink() && !entry.isLink();
    }

    /**
     * The name's components, refusing absolute names, {@code ..}, control characters, and names
     * deeper or longer than the limits; {@code .} and empty parts drop out.
     */
    List<String> safeParts(String name) throws UnsafeArchiveException {
        if (name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new UnsafeArchiveException("archive entry '" + shown(name) + "' has an absolute name");
        }
        if (ControlCharacters.presentIn(name)) {
            throw new UnsafeArchiveException("archive entry '" + shown(name) + "' has a control character in its name");
        }
        if (name.length() > limits.maxPathLength()) {
            throw new UnsafeArchiveException("archive entry '" + shown(name) + "' has a name longer than "
                    + limits.maxPathLength() + " characters");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new UnsafeArchiveException("archive entry '" + shown(name) + "' points outside the target folder");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.size() > limits.maxPathDepth()) {
            throw new UnsafeArchiveException("archive entry '" + shown(name) + "' is nested more than "
                    + limits.maxPathDepth() + " levels deep");
        }
        return parts;
    }

    /** A name as a refusal shows it: on one line, and cut short when it is very long. */
    static String shown(String name) {
        String visible = ControlCharacters.escape(name);
        return visible.length() <= SHOWN_NAME_CHARS ? visible : visible.substring(0, SHOWN_NAME_CHARS) + "...";
    }
}
