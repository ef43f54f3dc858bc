package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder that counts every step taken on disk through it and through every folder entered from
 * it: each step is one or two system calls, so the count is the extraction's work on disk.
 */
final class CountingFolder implements FolderHandle {

    private final FolderHandle folder;

    private final AtomicLong steps;

    CountingFolder(FolderHandle folder, AtomicLong steps) {
        this.folder = folder;
        this.steps = steps;
    }

    @Override
    public Path path() {
        return folder.path();
    }

    @Override
    public BasicFileAttributes attributes(String name) throws IOException {
        steps.incrementAndGet();
        return folder.attributes(name);
    }

    @Override
    public FolderHandle enter(String name) throws IOException {
        steps.incrementAndGet();
        return new CountingFolder(folder.enter(name), steps);
    }

    @Override
    public void createFolder(String name) throws IOException {
        steps.incrementAndGet();
        folder.createFolder(name);
    }

    @Override
    public OutputStream createFile(String name) throws IOException {
        steps.incrementAndGet();
        return folder.createFile(name);
    }

    @Override
    public void delete(String name) throws IOException {
        steps.incrementAndGet();
        folder.delete(name);
    }

    @Override
    public void setModified(String name, FileTime time) throws IOException {
        steps.incrementAndGet();
        folder.setModified(name, time);
    }

    @Override
    public void setMode(String name, int mode) throws IOException {
        steps.incrementAndGet();
        folder.setMode(name, mode);
    }

    @Override
    public void setOwnMode(int mode) throws IOException {
        steps.incrementAndGet();
        folder.setOwnMode(mode);
    }

    @Override
    public void close() throws IOException {
        steps.incrementAndGet();
        folder.close();
    }
}
