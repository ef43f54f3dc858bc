package dev.fileserver.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for servers that must be told theirs up front. */
final class Ports {

    private Ports() {
    }

    /** A port free a moment ago; another process could take it before ours binds, which only fails that run. */
    static int free() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
