package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StoragePath;

/**
 * {@code /tree-long}: as {@code /tree}, in long listing lines led by their depth, the folder itself
 * first at depth 0, so that a client can draw sizes and add them up.
 */
@Component
class TreeLongCommand extends FolderTreeCommand {

    TreeLongCommand(V1Errors errors, CommandLimits limits) {
        super(errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/tree-long");
    }

    @Override
    void top(FileStore store, StoragePath folder, StringBuilder text) {
        text.append(EntryLines.of(store.stat(folder)).format(true)).append('\n');
    }

    @Override
    void line(Entry entry, String prefix, boolean last, int depth, StorageException unlisted, StringBuilder text) {
        String note = unlisted == null ? ""
                : "cannot list: " + (unlisted instanceof StorageFailureException failure ? failure.reason() : "not readable");
        text.append(EntryLines.of(entry).atDepth(depth).noted(note).format(true)).append('\n');
    }
}
