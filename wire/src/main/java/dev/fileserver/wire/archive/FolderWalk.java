package dev.fileserver.wire.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders on the way down to the last entry, kept open between entries: archives list a
 * folder's entries together, so the next entry's folder is usually the same one, or one level
 * away, and reaching it costs the levels that differ, not its whole depth. Only the deepest few
 * are kept open; a folder whose way down was closed is entered again from the root, which costs
 * no more steps than the entry's own depth. Either way an extraction takes steps in proportion to
 * its entries and the length of their names, never to their depth squared.
 */
final class FolderWalk implements Closeable {

    /** Open folders kept at once; on Linux each holds two file descriptors. */
    private static final int MAX_OPEN = 16;

    private final FolderHandle root;

    /** The names from the root down to the current folder. */
    private final List<String> names = new ArrayList<>();

    /** {@code handles.get(i)} is the folder {@code names[0..i]}, or null once closed to bound the open ones. */
    private final List<FolderHandle> handles = new ArrayList<>();

    /** Below this index every handle is closed. */
    private int shallowestOpen;

    FolderWalk(FolderHandle root) {
        this.root = root;
    }

    FolderHandle root() {
        return root;
    }

    /**
     * The folder {@code parts} (the root for none), entered level by level without following
     * links; missing levels are created when {@code create}, else fail with
     * {@link NoSuchFileException}. A level that is a link, a file or anything but a folder is
     * refused, naming {@code entry}.
     */
    FolderHandle folder(List<String> parts, boolean create, List<String> entry) throws IOException {
        int common = 0;
        int shorter = Math.min(names.size(), parts.size());
        while (common < shorter && names.get(common).equals(parts.get(common))) {
            common++;
        }
        while (names.size() > common) {
            leave();
        }
        if (!handles.isEmpty() && handles.get(handles.size() - 1) == null) {
            while (!names.isEmpty()) {
                leave();
            }
        }
        for (int i = names.size(); i < parts.size(); i++) {
            enter(parts.get(i), step(current(), parts.get(i), create, entry));
        }
        return current();
    }

    private static FolderHandle step(FolderHandle parent, String name, boolean create, List<String> entry)
            throws IOException {
        FolderHandle.Kind kind = parent.kind(name);
        if (kind == FolderHandle.Kind.NONE) {
            if (!create) {
                throw new NoSuchFileException(name);
            }
            try {
                parent.createFolder(name);
            }
            catch (FileAlreadyExistsException e) {
                // made meanwhile by someone else: entering it checks what it is
            }
        }
        else if (kind != FolderHandle.Kind.FOLDER) {
            throw throughNonFolder(entry);
        }
        try {
            return parent.enter(name);
        }
        catch (NoSuchFileException e) {
            throw e;
        }
        catch (FileSystemException e) {
            // swapped for a link or a file since it was looked at
            throw throughNonFolder(entry);
        }
    }

    private static UnsafeArchiveException throughNonFolder(List<String> entry) {
        return new UnsafeArchiveException("archive entry '" + TarballExtractor.shown(String.join("/", entry))
                + "' writes through a symbolic link or a file");
    }

    private FolderHandle current() {
        return handles.isEmpty() ? root : handles.get(handles.size() - 1);
    }

    private void enter(String name, FolderHandle folder) throws IOException {
        names.add(name);
        handles.add(folder);
        if (handles.size() - shallowestOpen > MAX_OPEN) {
            handles.set(shallowestOpen, null).close();
            shallowestOpen++;
        }
    }

    private void leave() throws IOException {
        names.remove(names.size() - 1);
        FolderHandle folder = handles.remove(handles.size() - 1);
        shallowestOpen = Math.min(shallowestOpen, handles.size());
        if (folder != null) {
            folder.close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            while (!names.isEmpty()) {
                leave();
            }
        }
        finally {
            root.close();
        }
    }
}
