package dev.fileserver.server.command;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.TailOutputStream;
import dev.fileserver.wire.FileFrameSource;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.digest.Sha256Pipeline;
import dev.fileserver.wire.digest.Sha256Trailer;

/**
 * A download for a client that asked for extensions: its header names the version sent (so the
 * client can ask for the rest of this very copy later) and the offset it starts at, and, when
 * asked, the SHA-256 trailer follows the content. The digest is taken as the bytes go out, or is
 * the one the store kept since the upload; a resumed file's digest covers the whole file, so the
 * bytes the client already holds are read (not sent) to hash them, unless a kept digest spares it.
 * A file's digest taken here is offered to the store to keep, so the next download need not hash.
 */
final class ExtendedDownload implements FileFrameSource {

    private final Download whole;

    private final long offset;

    private final boolean trailer;

    private final FileHeader header;

    /** @param offset where the content starts: 0, or a resumed file's length already at the client */
    ExtendedDownload(Download whole, long offset, boolean trailer) {
        this.whole = whole;
        this.offset = offset;
        this.trailer = trailer;
        FileHeader.Extensions extensions = whole.header().extensions().withVersion(whole.version());
        FileHeader asked = whole.header().with(trailer ? extensions.withSha256Trailer() : extensions);
        this.header = offset > 0 ? asked.from(offset) : asked;
    }

    @Override
    public FileHeader header() {
        return header;
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        if (!trailer) {
            content().writeContent(out);
            return;
        }
        Sha256Trailer digests;
        Map<String, String> entries = header.compressed() ? whole.recordEntryDigests() : null;
        Optional<String> kept = entries == null ? whole.keptSha256() : Optional.empty();
        if (entries != null) {
            whole.writeContent(out);
            digests = Sha256Trailer.ofEntries(entries);
        }
        else if (kept.isPresent()) {
            content().writeContent(out);
            digests = Sha256Trailer.ofWhole(kept.get());
        }
        else {
            try (Sha256Pipeline digest = Sha256Pipeline.start()) {
                whole.writeContent(new HashingOutputStream(new TailOutputStream(out, offset), digest));
                digests = Sha256Trailer.ofWhole(digest.hex());
            }
            if (!header.compressed()) {
                whole.hashed(digests.whole());
            }
        }
        FrameWriter frames = new FrameWriter(out);
        for (String frame : digests.frames()) {
            frames.writeText(frame);
        }
    }

    private Download content() {
        return offset > 0 ? whole.from(offset) : whole;
    }

    @Override
    public void close() throws IOException {
        whole.close();
    }

    /** Hands every byte written to the digest, then passes it on. */
    private static final class HashingOutputStream extends FilterOutputStream {

        private final Sha256Pipeline digest;

        HashingOutputStream(OutputStream out, Sha256Pipeline digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            digest.update(bytes, offset, length);
            out.write(bytes, offset, length);
        }
    }
}
