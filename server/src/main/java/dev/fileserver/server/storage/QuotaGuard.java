package dev.fileserver.server.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.List;

import dev.fileserver.wire.archive.ExtractionSink;

/**
 * Holds a folder's expansion to the room its quotas leave, entry by entry as it unpacks: the file
 * past the files left, or the byte past the bytes left, stops the extraction with
 * {@link QuotaExceededException}, and the caller removes what was unpacked. Links count as files.
 */
final class QuotaGuard implements ExtractionSink {

    private final ExtractionSink sink;

    private final UsageLedger.Room room;

    private final String name;

    private long files;

    private long bytes;

    QuotaGuard(ExtractionSink sink, UsageLedger.Room room, String name) {
        this.sink = sink;
        this.room = room;
        this.name = name;
    }

    @Override
    public void folder(List<String> parts, int mode, FileTime modified) throws IOException {
        sink.folder(parts, mode, modified);
    }

    @Override
    public void file(List<String> parts, int mode, FileTime modified, InputStream content) throws IOException {
        oneMoreFile();
        sink.file(parts, mode, modified, new FilterInputStream(content) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    counted(1);
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    counted(read);
                }
                return read;
            }
        });
    }

    @Override
    public void hardLink(List<String> parts, List<String> target) throws IOException {
        oneMoreFile();
        sink.hardLink(parts, target);
    }

    @Override
    public void symbolicLink(List<String> parts, String target) throws IOException {
        oneMoreFile();
        sink.symbolicLink(parts, target);
    }

    @Override
    public void finish() throws IOException {
        sink.finish();
    }

    private void oneMoreFile() {
        if (++files > room.files()) {
            throw room.refuse(name, true);
        }
    }

    private void counted(int read) {
        bytes += read;
        if (bytes > room.bytes()) {
            throw room.refuse(name, false);
        }
    }
}
