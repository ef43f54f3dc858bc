package dev.fileserver.wire.archive;

import java.io.IOException;

/** An extraction was stopped before the end of its archive, because whoever wanted it no longer does. */
public class ExtractionStoppedException extends IOException {

    public ExtractionStoppedException() {
        super("Error: the extraction was stopped before the end of the archive");
    }
}
