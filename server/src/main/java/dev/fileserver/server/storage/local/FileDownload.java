package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.FileChannelOutput;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;

/**
 * A file, opened when the download is answered so its length is fixed before the header goes out;
 * its version and identity (device and inode) are read at the same moment. A digest kept with it is
 * read only when asked for (by a download with a digest trailer), and believed only if the name
 * still holds that same file at that version: most downloads never ask, and on a file without one
 * the attribute's absence costs an exception. A file renamed over the name in between, even with
 * the same size and time, is another file.
 */
record FileDownload(FileHeader header, Path path, FileChannel channel, Object fileKey, String version)
        implements Download {

    static FileDownload open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            BasicFileAttributes attributes = DiskAttributes.of(path);
            FileHeader header = FileHeader.ofFile(path.getFileName().toString(),
                    DiskAttributes.mode(attributes, 0644), channel.size());
            return new FileDownload(header, path, channel, attributes.fileKey(), KeptDigest.version(attributes));
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The bytes before {@code offset} are not read: the channel starts there. */
    @Override
    public Download from(long offset) {
        return new FileDownload(header.from(offset), path, channel, fileKey, version);
    }

    @Override
    public Optional<String> keptSha256() {
        return stillTheSameFile() ? KeptDigest.read(path, version) : Optional.empty();
    }

    /** Kept as an upload's digest is, unless the file changed while it was sent. */
    @Override
    public void hashed(String sha256) {
        if (stillTheSameFile()) {
            KeptDigest.keep(path, sha256);
        }
    }

    /** Whether the name still holds the file that was opened, at the version it had. */
    private boolean stillTheSameFile() {
        try {
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Objects.equals(now.fileKey(), fileKey) && KeptDigest.version(now).equals(version);
        }
        catch (IOException e) {
            // gone or unreadable since: not the file that was opened, as far as a digest goes
            return false;
        }
    }

    /** By the file's channel when the output takes one, through a buffer otherwise (and for what it left). */
    @Override
    public void writeContent(OutputStream out) throws IOException {
        try (channel) {
            long position = header.extensions().offset();
            long remaining = header.fileLen();
            if (out instanceof FileChannelOutput direct) {
                long sent = direct.transferFrom(channel, position, remaining);
                position += sent;
                remaining -= sent;
            }
            if (remaining > 0) {
                copy(position, remaining, out);
            }
        }
    }

    private void copy(long position, long remaining, OutputStream out) throws IOException {
        channel.position(position);
        InputStream in = Channels.newInputStream(channel);
        byte[] buffer = new byte[(int) Math.min(Transfer.BULK_BUFFER_SIZE, remaining)];
        while (remaining > 0) {
            int wanted = (int) Math.min(buffer.length, remaining);
            int filled = 0;
            while (filled < wanted) {
                int read = in.read(buffer, filled, Math.min(wanted - filled, Transfer.NIO_SLICE));
                if (read < 0) {
                    throw new IOException("'" + header.fileName() + "' shrank while being sent");
                }
                filled += read;
            }
            out.write(buffer, 0, filled);
            remaining -= filled;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
