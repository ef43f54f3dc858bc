package dev.fileserver.server.storage;

public class NotADirectoryException extends RequestRefusedException {

    public NotADirectoryException(String clientPath) {
        super("Error: '" + clientPath + "' is not a directory");
    }
}
