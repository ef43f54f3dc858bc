package dev.fileserver.wire;

/**
 * The JSON object that opens a file frame.
 *
 * @param compressed  {@code is_compressed}: the content is a gzip tar of a directory
 * @param fileName    {@code file_name}: a base name; for a directory {@code NAME.tar.gz}
 * @param permissions {@code permissions}: the full POSIX {@code st_mode}, type bits included
 * @param fileLen     {@code file_len}: how many content bytes follow the header
 * @param ack         {@code ack}, an extension a v1 peer ignores: the sender wants one status text
 *                    frame once the file is stored ({@code ok} or an error)
 * @param extensions  the other extension keys, which a v1 peer ignores and never receives
 */
public record FileHeader(boolean compressed, String fileName, int permissions, long fileLen, boolean ack,
        Extensions extensions) {

    /** {@code S_IFREG}: the type bits of a regular file in {@code st_mode}. */
    public static final int REGULAR_FILE_TYPE = 0100000;

    /** {@code S_IFDIR}: the type bits of a directory in {@code st_mode}. */
    public static final int DIRECTORY_TYPE = 0040000;

    public static final String TARBALL_SUFFIX = ".tar.gz";

    public FileHeader {
        if (fileName == null) {
            throw new IllegalArgumentException("file name is required");
        }
        if (fileLen < 0) {
            throw new IllegalArgumentException("file length must not be negative");
        }
        if (extensions == null) {
            extensions = Extensions.NONE;
        }
    }

    /** A header with the v1 keys and {@code ack} only. */
    public FileHeader(boolean compressed, String fileName, int permissions, long fileLen, boolean ack) {
        this(compressed, fileName, permissions, fileLen, ack, Extensions.NONE);
    }

    public static FileHeader ofFile(String fileName, int permissionBits, long length) {
        return new FileHeader(false, fileName, REGULAR_FILE_TYPE | (permissionBits & 07777), length, false);
    }

    public static FileHeader ofDirectory(String directoryName, int permissionBits, long length) {
        return new FileHeader(true, directoryName + TARBALL_SUFFIX, DIRECTORY_TYPE | (permissionBits & 07777),
                length, false);
    }

    public FileHeader withAck() {
        return new FileHeader(compressed, fileName, permissions, fileLen, true, extensions);
    }

    public FileHeader with(Extensions changed) {
        return new FileHeader(compressed, fileName, permissions, fileLen, ack, changed);
    }

    /** The same file from byte {@code offset} on: {@code file_len} becomes what is left after it. */
    public FileHeader from(long offset) {
        if (offset < 0 || offset > fileLen + extensions.offset()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the file");
        }
        long whole = fileLen + extensions.offset();
        return new FileHeader(compressed, fileName, permissions, whole - offset, ack, extensions.withOffset(offset));
    }

    /** The whole content's length: what came before {@code offset} and what follows the header. */
    public long totalLength() {
        return extensions.offset() + fileLen;
    }

    /** The rwx bits only: type bits and setuid, setgid and sticky are never applied to a stored file. */
    public int accessBits() {
        return permissions & 0777;
    }

    /** For a directory frame, the directory's name: {@code file_name} without {@code .tar.gz}. */
    public String directoryName() {
        return fileName.endsWith(TARBALL_SUFFIX)
                ? fileName.substring(0, fileName.length() - TARBALL_SUFFIX.length())
                : fileName;
    }

    /**
     * The extension keys of a file frame, negotiated through {@code /capabilities}
     * (docs/PROTOCOL-EXTENSIONS.md); a header without them encodes exactly as v1.
     *
     * @param sha256Trailer {@code "digest": "sha256"}: the content is followed by a text frame with
     *                      its SHA-256 (a folder's: one per file), which the receiver checks
     * @param offset        {@code offset}: the content starts at this byte of the whole file, the
     *                      bytes before it being already at the receiver (a resumed transfer)
     * @param version       {@code version}: what the sender's copy is, to ask for the rest of this
     *                      very copy later; empty when not given
     * @param resumable     {@code resumable}: if the content is cut short, the receiver keeps what
     *                      arrived so that the sender can send only the rest later
     */
    public record Extensions(boolean sha256Trailer, long offset, String version, boolean resumable) {

        public static final Extensions NONE = new Extensions(false, 0, "", false);

        public Extensions {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
            if (version == null) {
                version = "";
            }
        }

        public Extensions withSha256Trailer() {
            return new Extensions(true, offset, version, resumable);
        }

        public Extensions withOffset(long from) {
            return new Extensions(sha256Trailer, from, version, resumable);
        }

        public Extensions withVersion(String copy) {
            return new Extensions(sha256Trailer, offset, copy, resumable);
        }

        public Extensions withResumable() {
            return new Extensions(sha256Trailer, offset, version, true);
        }
    }
}
