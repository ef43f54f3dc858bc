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
 */
public record FileHeader(boolean compressed, String fileName, int permissions, long fileLen, boolean ack) {

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
    }

    public static FileHeader ofFile(String fileName, int permissionBits, long length) {
        return new FileHeader(false, fileName, REGULAR_FILE_TYPE | (permissionBits & 07777), length, false);
    }

    public static FileHeader ofDirectory(String directoryName, int permissionBits, long length) {
        return new FileHeader(true, directoryName + TARBALL_SUFFIX, DIRECTORY_TYPE | (permissionBits & 07777),
                length, false);
    }

    public FileHeader withAck() {
        return new FileHeader(compressed, fileName, permissions, fileLen, true);
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
}
