package dev.fileserver.server.session;

import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;

/**
 * A file frame read to its last byte: into a temporary file waiting to be committed, or, when
 * {@code upload} is null, thrown away because its target folder was missing.
 */
public record ReceivedUpload(FileHeader header, ExpectedUpload target, Upload upload) {
}
