package dev.fileserver.server.command;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.FileStore;

@Component
class TreeCommand extends FolderListingCommand {

    TreeCommand(FileStore store) {
        super(store);
    }

    @Override
    public Set<String> words() {
        return Set.of("/tree");
    }

    @Override
    String render(Path folder, String clientPath) {
        return store.tree(folder, clientPath);
    }
}
