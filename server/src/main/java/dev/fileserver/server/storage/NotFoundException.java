package dev.fileserver.server.storage;

public class NotFoundException extends RequestRefusedException {

    public NotFoundException(String clientPath) {
        super("Error: '" + clientPath + "' not found");
    }
}
