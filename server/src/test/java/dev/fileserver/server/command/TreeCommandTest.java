package dev.fileserver.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.StoreGuarantees;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.local.LocalFileStore;
import dev.fileserver.server.storage.local.UploadPolicy;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * {@code /tree} over a real folder in which one sub-folder cannot be listed. Running as root, a
 * folder's permissions do not stop a read, so the refusal is the disk's answer played back by the
 * store for that one folder; everything else is read from disk.
 */
class TreeCommandTest {

    @TempDir
    Path root;

    @Test
    void aFolderThatCannotBeListedIsShownWithTheReasonAndTheRestOfTheTreeStillFollows() throws IOException {
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/one.txt"), "1");
        Files.createDirectories(root.resolve("locked/inner"));
        Files.createDirectories(root.resolve("z"));
        Files.writeString(root.resolve("z/last.txt"), "z");
        FileStore store = refusingToList(StoragePath.parse("locked"), localStore());
        V1Errors errors = new V1Errors();
        TreeCommand tree = new TreeCommand(errors, new CommandLimits(1 << 20, 1 << 20, 100));

        Reply reply = tree.handle(Request.parse("/tree").from(new Caller(store, null, null, false)).withPath(StoragePath.ROOT,
                store.rootName())).reply();

        assertThat(reply.parts()).containsExactly("ok", "ok", root.getFileName() + "\n"
                + "├── a\n"
                + "│   └── one.txt\n"
                + "├── locked [cannot list: permission denied]\n"
                + "└── z\n"
                + "    └── last.txt\n");
    }

    private LocalFileStore localStore() {
        return LocalFileStore.open(root, new UploadPolicy(1 << 20, new TarballLimits(1 << 20, 10), false), 0, 0);
    }

    private static FileStore refusingToList(StoragePath refused, FileStore disk) {
        return new FileStore() {

            @Override
            public List<Entry> list(StoragePath directory) {
                if (directory.equals(refused)) {
                    throw new StorageFailureException(Operation.LIST, directory.toString(), "permission denied",
                            new AccessDeniedException(directory.toString()));
                }
                return disk.list(directory);
            }

            @Override
            public String rootName() {
                return disk.rootName();
            }

            @Override
            public StoreGuarantees guarantees() {
                return disk.guarantees();
            }

            @Override
            public void confine(StoragePath path) {
                disk.confine(path);
            }

            @Override
            public EntryType typeOf(StoragePath path) {
                return disk.typeOf(path);
            }

            @Override
            public Download openForDownload(StoragePath path) {
                return disk.openForDownload(path);
            }

            @Override
            public Upload beginUpload(StoragePath directory, FileHeader header) {
                return disk.beginUpload(directory, header);
            }

            @Override
            public void delete(StoragePath path) {
                disk.delete(path);
            }

            @Override
            public void makeDirectory(StoragePath path, boolean parents) {
                disk.makeDirectory(path, parents);
            }

            @Override
            public void rename(StoragePath from, StoragePath to) {
                disk.rename(from, to);
            }
        };
    }
}
