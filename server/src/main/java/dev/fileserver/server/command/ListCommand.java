package dev.fileserver.server.command;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.FileStore;

@Component
class ListCommand extends FolderListingCommand {

    ListCommand(FileStore store) {
        super(store);
    }

    @Override
    public Set<String> words() {
        return Set.of("/list", "/ls");
    }

    @Override
    String render(Path folder, String clientPath) {
        StringBuilder text = new StringBuilder();
        for (String name : store.list(folder, clientPath)) {
            text.append(name).append('\n');
        }
        return text.toString();
    }
}
