package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the server writes to {@code fileserver.port-file} once it is ready: lines {@code tcp=PORT}
 * and {@code http=PORT}, and {@code tls=PORT} with TLS on (0 here without). It is renamed into
 * place whole, so once it exists it is complete.
 */
record PortFile(int tcp, int http, int tls) {

    static PortFile read(Path file) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] keyValue = line.split("=", 2);
            if (keyValue.length == 2) {
                ports.put(keyValue[0].strip(), Integer.parseInt(keyValue[1].strip()));
            }
        }
        if (!ports.containsKey("tcp") || !ports.containsKey("http")) {
            throw new IOException("the port file " + file + " lacks a tcp or http line: " + Files.readString(file));
        }
        return new PortFile(ports.get("tcp"), ports.get("http"), ports.getOrDefault("tls", 0));
    }
}
