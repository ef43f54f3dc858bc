package dev.fileserver.server.storage;

/** An upload refused for its header (name, size, free space) or its content (a bad tarball). */
public class UploadRefusedException extends RequestRefusedException {

    public UploadRefusedException(String clientMessage) {
        super(clientMessage);
    }

    public UploadRefusedException(String clientMessage, Throwable cause) {
        super(clientMessage, cause);
    }
}
