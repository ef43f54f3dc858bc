package dev.fileserver.server.tcp;

import java.time.Duration;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.FileFrameReceiver;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.wire.FrameLimits;

/**
 * What every connection of one listener shares: the live sessions, the client slots, where
 * expected file frames go, the frame limits, the meters, and for TLS how long a handshake may take.
 */
record ConnectionContext(SessionRegistry sessions, ConnectionSlots slots, FileFrameReceiver files,
        FrameLimits frameLimits, FileServerMetrics metrics, Duration handshakeTimeout) {
}
