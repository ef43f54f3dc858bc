package dev.fileserver.wire.archive;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/** A tree held in memory, for packing without a disk: listed in the order its entries were added. */
final class MemoryTree implements TarballSource {

    private final List<MemoryEntry> entries = new ArrayList<>();

    MemoryTree(int rootMode, FileTime modified) {
        entries.add(new MemoryEntry("", true, 0, rootMode, modified, null));
    }

    MemoryTree folder(String name, int mode, FileTime modified) {
        entries.add(new MemoryEntry(name, true, 0, mode, modified, null));
        return this;
    }

    MemoryTree file(String name, byte[] content, int mode, FileTime modified) {
        return fileListedAs(name, content.length, content, mode, modified);
    }

    /** A file whose content no longer has the size it was listed with. */
    MemoryTree fileListedAs(String name, long listedSize, byte[] content, int mode, FileTime modified) {
        entries.add(new MemoryEntry(name, false, listedSize, mode, modified, content));
        return this;
    }

    @Override
    public List<MemoryEntry> entries() {
        return List.copyOf(entries);
    }

    record MemoryEntry(String name, boolean folder, long size, int mode, FileTime modified, byte[] content)
            implements Entry {

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }
}
