package dev.fileserver.server.command;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.server.storage.EntryType;
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
class TreeCommand extends FolderListingCommand {

    private static final Logger log = LoggerFactory.getLogger(TreeCommand.class);

    TreeCommand(FileStore store, V1Errors errors, CommandLimits limits) {
        super(store, errors, limits.maxListingChars());
    }

    @Override
    public Set<String> words() {
        return Set.of("/tree");
    }

    @Override
    void render(Request request, StringBuilder text) {
        StoragePath folder = request.path();
        List<Entry> entries = store.list(folder);
        text.append(Names.visible(folder.isRoot() ? store.rootName() : folder.name())).append('\n');
        draw(folder, entries, "", text);
    }

    private void draw(StoragePath folder, List<Entry> entries, String prefix, StringBuilder text) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean last = i == entries.size() - 1;
            text.append(prefix).append(last ? "└── " : "├── ").append(Names.visible(entry.name()));
            if (entry.type() != EntryType.DIRECTORY) {
                text.append('\n');
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
                text.append(errors().treeNote(e)).append('\n');
                checkLength(text);
                continue;
            }
            text.append('\n');
            checkLength(text);
            draw(child, children, prefix + (last ? "    " : "│   "), text);
        }
    }
}
