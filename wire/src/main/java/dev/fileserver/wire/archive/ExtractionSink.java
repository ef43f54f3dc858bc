package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Where {@link TarballExtractor} stores the entries of a received tarball: a local folder or any
 * other backend. The extractor does what needs no backend; the sink does the rest.
 *
 * <p>A sink may rely on:
 * <ul>
 * <li>Calls in archive order, one per entry, then {@link #finish()} once after the last. After
 * any exception, the sink's own or the extractor's, nothing more is called, and whatever the sink
 * stored is for the caller to remove.</li>
 * <li>Names checked as text, as parts relative to the sink's root: at least one part, none of
 * them empty, {@code .} or {@code ..}, none holding {@code /}, {@code \}, NUL or any other
 * control character; the name was not absolute, and is no deeper or longer than the limits. The
 * list is the sink's to keep.</li>
 * <li>Modes holding the permission bits only (0 to 0777): setuid, setgid and sticky are gone.</li>
 * <li>Types checked: devices, fifos and unknown types never arrive.</li>
 * <li>Limits applied: no more entries than allowed, and a file's content stream fails with
 * {@link UnsafeArchiveException} rather than give the sink more bytes, counted over the whole
 * archive, than the expansion limit.</li>
 * </ul>
 *
 * <p>A sink must:
 * <ul>
 * <li>Store nothing outside its root. Names are checked as text only: what the backend makes of
 * them (a parent that is a link, a file replacing a folder) is for the sink to refuse.</li>
 * <li>Create missing parent folders itself: an entry may come before its folder's, or without it.</li>
 * <li>Check link targets itself, and refuse the links it cannot store safely. A sink that cannot
 * store links at all (an object store) refuses them with {@link UnsafeArchiveException}, which
 * ends the extraction like any other unsafe entry.</li>
 * <li>Refuse with {@link UnsafeArchiveException} what it will not store, so the caller can tell
 * a bad archive from a failing backend.</li>
 * </ul>
 */
public interface ExtractionSink {

    /** A folder; it may already exist, or have been created earlier as a parent. */
    void folder(List<String> parts, int mode, FileTime modified) throws IOException;

    /**
     * A regular file, replacing any earlier file of that name. {@code content} is readable only
     * during this call; what is left unread is skipped, and closing it is harmless.
     */
    void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException;

    /**
     * A second name for a file; {@code target} is checked as text like any name, but may name
     * nothing, a folder, or a file reached through a link: making sure it is a regular file inside
     * the root is the sink's.
     */
    void hardLink(List<String> parts, List<String> target) throws IOException;

    /**
     * A symbolic link. {@code target} is as the archive gives it, unchecked: it may be empty,
     * absolute or lead out of the root, alone or through other links of the same archive.
     */
    void symbolicLink(List<String> parts, String target) throws IOException;

    /** Called once after the last entry, when the archive was read whole. */
    void finish() throws IOException;
}
