package dev.fileserver.server.tcp;

/** Why a connection was turned away; every one hears the same v1 rejection greeting. */
enum Rejection {

    FULL("full", "every client slot is taken"),
    ADDRESS_LIMIT("per-address", "its address holds as many connections as one address may"),
    BANNED("banned", "its address is banned for misbehaving");

    private final String tag;

    private final String reason;

    Rejection(String tag, String reason) {
        this.tag = tag;
        this.reason = reason;
    }

    /** The reason's name in meters. */
    String tag() {
        return tag;
    }

    String reason() {
        return reason;
    }
}
