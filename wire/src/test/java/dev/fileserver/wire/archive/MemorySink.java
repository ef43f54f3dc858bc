package dev.fileserver.wire.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink that keeps what reaches it in memory and notes every call, in order, as a line of text.
 * Made with {@link #refusingLinks()}, it refuses links as an object store would.
 */
final class MemorySink implements ExtractionSink {

    final List<String> calls = new ArrayList<>();

    final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Content bytes read so far, including those of a file whose reading failed. */
    long bytesRead;

    private final boolean storesLinks;

    private MemorySink(boolean storesLinks) {
        this.storesLinks = storesLinks;
    }

    static MemorySink storingLinks() {
        return new MemorySink(true);
    }

    static MemorySink refusingLinks() {
        return new MemorySink(false);
    }

    @Override
    public void folder(List<String> parts, int mode, FileTime modified) {
        calls.add("folder " + String.join("/", parts) + " " + octal(mode) + " " + modified.toInstant());
    }

    @Override
    public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = content.read(chunk)) >= 0) {
            bytesRead += read;
            bytes.write(chunk, 0, read);
        }
        String name = String.join("/", parts);
        files.put(name, bytes.toByteArray());
        calls.add("file " + name + " " + octal(mode) + " " + modified.toInstant() + " " + bytes.size() + " bytes");
    }

    @Override
    public void hardLink(List<String> parts, List<String> target) throws IOException {
        refuseUnlessStoringLinks(parts);
        calls.add("hard link " + String.join("/", parts) + " => " + String.join("/", target));
    }

    @Override
    public void symbolicLink(List<String> parts, String target) throws IOException {
        refuseUnlessStoringLinks(parts);
        calls.add("symbolic link " + String.join("/", parts) + " -> " + target);
    }

    @Override
    public void finish() {
        calls.add("finish");
    }

    private void refuseUnlessStoringLinks(List<String> parts) throws UnsafeArchiveException {
        if (!storesLinks) {
            throw new UnsafeArchiveException("archive entry '" + String.join("/", parts) + "' is a link, which cannot be stored here");
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
