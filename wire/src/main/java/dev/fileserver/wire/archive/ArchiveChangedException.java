package dev.fileserver.wire.archive;

import java.io.IOException;

/** A file changed size between the scan that fixed an archive's length and its sending. */
public class ArchiveChangedException extends IOException {

    public ArchiveChangedException(String entryName) {
        super("Error: '" + entryName + "' changed while the directory was being sent");
    }
}
