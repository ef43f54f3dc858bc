package dev.fileserver.server.tcp;

/**
 * Which listener this is, for its log lines and start-up errors: its name, the property an
 * operator changes to move it, and where it was asked to listen.
 */
public record ListenerAddress(String name, String portProperty, String address, int port) {
}
