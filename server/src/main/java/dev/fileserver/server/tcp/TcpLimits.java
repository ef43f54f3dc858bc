package dev.fileserver.server.tcp;

import dev.fileserver.wire.FrameLimits;

/** What a connection may send before it is refused: frame sizes, and the largest upload worth reading. */
record TcpLimits(FrameLimits frames, long maxUploadBytes) {
}
