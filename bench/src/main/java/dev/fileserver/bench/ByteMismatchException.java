package dev.fileserver.bench;

import java.io.IOException;

/** What arrived is not what was sent: the whole run is void, whatever its speed. */
final class ByteMismatchException extends IOException {

    ByteMismatchException(String message) {
        super(message);
    }
}
