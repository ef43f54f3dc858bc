package dev.fileserver.server.command;

import dev.fileserver.server.storage.Entry;
import dev.fileserver.wire.listing.EntryLine;

/** A stored entry as a long listing's line. */
final class EntryLines {

    private EntryLines() {
    }

    static EntryLine of(Entry entry) {
        char type = switch (entry.type()) {
            case DIRECTORY -> EntryLine.FOLDER;
            case FILE -> EntryLine.FILE;
            case LINK -> EntryLine.LINK;
            default -> EntryLine.OTHER;
        };
        return EntryLine.of(type, entry.size(), entry.permissions(), entry.modified(), entry.name());
    }
}
