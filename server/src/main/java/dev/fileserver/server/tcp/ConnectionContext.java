package dev.fileserver.server.tcp;

import java.time.Duration;

import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.FileFrameReceiver;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.wire.FrameLimits;

/**
 * What every connection of one listener shares: the live sessions, who gets a slot, where expected
 * file frames go, the frame limits, the meters, the defender, the byte rates transfers are held to
 * (shared by every listener, as an account's rate is), whether downloads may go by sendfile, and
 * for TLS how long a handshake may take.
 */
record ConnectionContext(SessionRegistry sessions, ConnectionGate gate, FileFrameReceiver files,
        FrameLimits frameLimits, FileServerMetrics metrics, Defender defender, TransferRates rates,
        boolean sendfile, Duration handshakeTimeout) {
}
