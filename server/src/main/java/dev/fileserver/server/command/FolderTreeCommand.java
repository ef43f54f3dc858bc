package dev.fileserver.server.command;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StoragePath;

/**
 * A folder and everything below it, one line per entry, depth first in name order. A linked folder
 * is shown but not entered (links may form cycles or point anywhere); a folder that cannot be
 * listed is shown with the reason on its line, as the {@code tree} tool does, not as empty. How a
 * line reads is the subclass's.
 */
abstract class FolderTreeCommand extends FolderListingCommand {

    private static final Logger log = LoggerFactory.getLogger(FolderTreeCommand.class);

    FolderTreeCommand(V1Errors errors, long maxListingChars) {
        super(errors, maxListingChars);
    }

    /** The first line, naming the folder itself; {@code entries} is already listed, so it exists. */
    abstract void top(FileStore store, StoragePath folder, StringBuilder text);

    /**
     * One entry's line, newline included. {@code prefix} is the v1 glyphs of the levels above,
     * {@code depth} 1 for the folder's own entries; {@code unlisted} is why a folder was not entered.
     */
    abstract void line(Entry entry, String prefix, boolean last, int depth, StorageException unlisted,
            StringBuilder text);

    @Override
    void render(Request request, StringBuilder text) {
        StoragePath folder = request.path();
        FileStore store = request.store();
        List<Entry> entries = store.list(folder);
        top(store, folder, text);
        draw(store, folder, entries, "", 1, text);
    }

    private void draw(FileStore store, StoragePath folder, List<Entry> entries, String prefix, int depth, StringBuilder text) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean last = i == entries.size() - 1;
            if (entry.type() != EntryType.DIRECTORY) {
                line(entry, prefix, last, depth, null, text);
                checkLength(text);
                continue;
            }
            StoragePath child = folder.child(entry.name());
            List<Entry> children;
            try {
                children = store.list(child);
            }
            catch (StorageException e) {
                log.warn("tree: cannot list '{}': {}", child, e.getMessage());
                line(entry, prefix, last, depth, e, text);
                checkLength(text);
                continue;
            }
            line(entry, prefix, last, depth, null, text);
            checkLength(text);
            draw(store, child, children, prefix + (last ? "    " : "│   "), depth + 1, text);
        }
    }
}
