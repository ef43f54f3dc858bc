package dev.fileserver.server.storage;

/** The requested path resolves outside the served root (the v1 text says "permission"). */
public class PathOutsideRootException extends RequestRefusedException {

    public PathOutsideRootException() {
        super("Error: You don't have permission to access that directory");
    }
}
