package dev.fileserver.wire.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.fileserver.wire.archive.ExtractionSink;
import dev.fileserver.wire.archive.TarballSource;

/**
 * The SHA-256 of each file of a folder, taken as the folder is packed or unpacked, so that no
 * file is read twice. Names are relative to the folder itself, parts joined by {@code /}, as in
 * the tarball under its top-level name.
 */
public final class EntryDigests {

    private EntryDigests() {
    }

    /** {@code source}, noting in {@code into} each file's digest as the packer reads it. */
    public static TarballSource recording(TarballSource source, Map<String, String> into) {
        return recordingWhenAsked(source, () -> into);
    }

    /**
     * {@code source}, noting each file's digest as the packer reads it in the map {@code into}
     * gives at that moment; a file is not hashed at all while it gives null, so a packed folder
     * costs nothing more until someone asks.
     */
    public static TarballSource recordingWhenAsked(TarballSource source, Supplier<Map<String, String>> into) {
        return () -> source.entries().stream().map(entry -> recorded(entry, into)).toList();
    }

    private static TarballSource.Entry recorded(TarballSource.Entry entry, Supplier<Map<String, String>> into) {
        return new TarballSource.Entry() {
            @Override
            public String name() {
                return entry.name();
            }

            @Override
            public boolean folder() {
                return entry.folder();
            }

            @Override
            public long size() {
                return entry.size();
            }

            @Override
            public int mode() {
                return entry.mode();
            }

            @Override
            public FileTime modified() {
                return entry.modified();
            }

            @Override
            public InputStream open() throws IOException {
                Map<String, String> noted = into.get();
                return noted == null ? entry.open() : new Hashing(entry.open(), hex -> noted.put(entry.name(), hex));
            }
        };
    }

    /**
     * {@code sink}, noting in {@code into} each file's digest as it is stored. The sink's names
     * start with the tarball's top-level name, which is left out of the noted ones.
     */
    public static ExtractionSink recording(ExtractionSink sink, Map<String, String> into) {
        return new ExtractionSink() {
            @Override
            public void folder(List<String> parts, int mode, FileTime modified) throws IOException {
                sink.folder(parts, mode, modified);
            }

            @Override
            public void file(List<String> parts, int mode, FileTime modified, InputStream content)
                    throws IOException {
                String name = String.join("/", parts.size() > 1 ? parts.subList(1, parts.size()) : parts);
                MessageDigest digest = Sha256.start();
                sink.file(parts, mode, modified, new Hashing(content, digest, null));
                // what the sink left unread is skipped by the extractor: it is part of the file all the same
                content.transferTo(new OutputStream() {
                    @Override
                    public void write(int b) {
                        digest.update((byte) b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        digest.update(bytes, offset, length);
                    }
                });
                into.put(name, Sha256.hex(digest));
            }

            @Override
            public void hardLink(List<String> parts, List<String> target) throws IOException {
                sink.hardLink(parts, target);
            }

            @Override
            public void symbolicLink(List<String> parts, String target) throws IOException {
                sink.symbolicLink(parts, target);
            }

            @Override
            public void finish() throws IOException {
                sink.finish();
            }
        };
    }

    /**
     * The first difference between the digests a sender announced and those of what arrived, in
     * name order: a file missing, one not announced, or one whose content differs.
     */
    public static Optional<Mismatch> firstMismatch(Map<String, String> announced, Map<String, String> arrived) {
        TreeSet<String> names = new TreeSet<>(announced.keySet());
        names.addAll(arrived.keySet());
        for (String name : names) {
            String expected = announced.get(name);
            String actual = arrived.get(name);
            if (expected == null || !expected.equals(actual)) {
                return Optional.of(new Mismatch(name, expected, actual));
            }
        }
        return Optional.empty();
    }

    /**
     * One file whose digests differ; {@code announced} is null for a file the sender did not
     * name, {@code arrived} null for one that did not arrive.
     */
    public record Mismatch(String name, String announced, String arrived) {
    }

    /** Hashes what is read through it; reports the digest when closed. */
    private static final class Hashing extends HashingInputStream {

        private final MessageDigest digest;

        private final Consumer<String> onClose;

        Hashing(InputStream in, Consumer<String> onClose) {
            this(in, Sha256.start(), onClose);
        }

        Hashing(InputStream in, MessageDigest digest, Consumer<String> onClose) {
            super(in, digest::update);
            this.digest = digest;
            this.onClose = onClose;
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (onClose != null) {
                onClose.accept(Sha256.hexSoFar(digest));
            }
        }
    }
}
