package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;

/**
 * The text frames of the conversations on one link, and the {@link FileFrames} between them. It
 * knows frames, not commands; a failure to send or receive one ends the link.
 */
public final class ServerChannel {

    /** The v1 status of a request that passed the server's check. */
    public static final String OK = "ok";

    private final FrameReader reader;

    private final FrameWriter writer;

    private final FileFrames files;

    private final LinkLoss loss;

    private Capabilities capabilities = Capabilities.NONE;

    ServerChannel(FrameReader reader, FrameWriter writer, FileFrames files, LinkLoss loss) {
        this.reader = reader;
        this.writer = writer;
        this.files = files;
        this.loss = loss;
    }

    /**
     * Sends {@code COMMAND[ ARGUMENT]} and reads the server's check of the argument: {@code ok}, or an
     * error text that ends the request.
     */
    public void request(String command, String argument) throws ClientException {
        send(argument == null || argument.isEmpty() ? command : command + " " + argument);
        String status = receive();
        if (!OK.equals(status)) {
            throw new RemoteException(status);
        }
    }

    public void send(String text) throws ConnectionFailedException {
        loss.guard(() -> {
            writer.writeText(text);
            writer.flush();
        });
    }

    public String receive() throws ConnectionFailedException {
        return loss.guard(reader::readText);
    }

    public FileFrames files() {
        return files;
    }

    /** What the server offered in the handshake; none for a v1 server. */
    public Capabilities capabilities() {
        return capabilities;
    }

    void agreed(Capabilities offered) {
        this.capabilities = offered;
    }
}
