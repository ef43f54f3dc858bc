package dev.fileserver.server.support;

import java.io.IOException;
import java.util.List;

/**
 * The shared v1 test client under its former name here, for the tests that still import it from
 * this package; every other test uses {@link dev.fileserver.testsupport.V1Client} directly.
 */
public final class V1Client implements AutoCloseable {

    private final dev.fileserver.testsupport.V1Client client;

    private V1Client(dev.fileserver.testsupport.V1Client client) {
        this.client = client;
    }

    public static V1Client connectAccepted(int port) throws IOException {
        return new V1Client(dev.fileserver.testsupport.V1Client.connectAccepted(port));
    }

    public List<String> request(String text, int frames) throws IOException {
        return client.request(text, frames);
    }

    @Override
    public void close() {
        client.close();
    }
}
