package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StoragePath;

/**
 * {@code /tree}: the folder's name, then everything below it drawn with the v1 glyphs. A linked
 * folder is shown but not entered (links may form cycles or point anywhere); a folder that cannot
 * be listed is shown with the reason on its line, as the {@code tree} tool does, not as empty. A
 * name holding a control character is drawn escaped, on its one line, as {@code /list} shows it.
 */
@Component
class TreeCommand extends FolderTreeCommand {

    TreeCommand(V1Errors errors, CommandLimits limits) {
        super(errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/tree");
    }

    @Override
    void top(FileStore store, StoragePath folder, StringBuilder text) {
        text.append(Names.visible(folder.isRoot() ? store.rootName() : folder.name())).append('\n');
    }

    @Override
    void line(Entry entry, String prefix, boolean last, int depth, StorageException unlisted, StringBuilder text) {
        text.append(prefix).append(last ? "└── " : "├── ").append(Names.visible(entry.name()));
        if (unlisted != null) {
            text.append(errors().treeNote(unlisted));
        }
        text.append('\n');
    }
}
