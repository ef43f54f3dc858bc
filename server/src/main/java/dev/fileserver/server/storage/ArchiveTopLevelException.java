package dev.fileserver.server.storage;

import java.util.List;

/** A folder tarball must hold exactly the folder it is named for at its top level. */
public class ArchiveTopLevelException extends StorageException {

    private final String folderName;

    private final List<String> topLevel;

    public ArchiveTopLevelException(String folderName, List<String> topLevel) {
        super("archive for '" + folderName + "' holds " + topLevel + " at its top level");
        this.folderName = folderName;
        this.topLevel = List.copyOf(topLevel);
    }

    public String folderName() {
        return folderName;
    }

    public List<String> topLevel() {
        return topLevel;
    }
}
