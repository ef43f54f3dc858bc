package dev.fileserver.client.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import dev.fileserver.client.ClientException;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.ProtocolException;

/**
 * The server could not be reached, turned the connection away, went silent or went away. The
 * factories word each case as the user reads it.
 */
public class ConnectionFailedException extends ClientException {

    public ConnectionFailedException(String message) {
        super(message, null, CONNECTION, false);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause, CONNECTION, false);
    }

    static ConnectionFailedException cannotConnect(ServerAddress address, IOException cause, Duration connectTimeout) {
        String reason;
        if (cause instanceof UnknownHostException) {
            reason = "unknown host";
        }
        else if (cause instanceof ConnectException) {
            reason = "connection refused";
        }
        else if (cause instanceof SocketTimeoutException) {
            reason = "no answer within " + connectTimeout.toSeconds() + " s";
        }
        else {
            reason = cause.getMessage();
        }
        return new ConnectionFailedException("Error: cannot connect to " + address + ": " + reason, cause);
    }

    static ConnectionFailedException rejected(ServerAddress address, String reason) {
        return new ConnectionFailedException("Error: " + address + " rejected the connection"
                + (reason.isEmpty() ? "" : ": " + reason));
    }

    static ConnectionFailedException lost(ServerAddress address, IOException cause) {
        String reason;
        if (cause instanceof EndOfStreamException) {
            reason = "connection closed by the server";
        }
        else if (cause instanceof ProtocolException) {
            reason = "the server broke the protocol: " + cause.getMessage().replaceFirst("^Error: ", "");
        }
        else {
            reason = cause.getMessage();
        }
        return new ConnectionFailedException("Error: lost the connection to " + address + " (" + reason + ")", cause);
    }

    static ConnectionFailedException interrupted(ServerAddress address, IOException cause) {
        return new ConnectionFailedException("Error: interrupted; the connection to " + address
                + " was closed and the next command opens a new one", cause);
    }
}
