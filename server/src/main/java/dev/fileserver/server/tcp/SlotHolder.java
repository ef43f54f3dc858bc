package dev.fileserver.server.tcp;

import java.net.InetAddress;

/** A connection as the slot policy sees it. */
interface SlotHolder {

    InetAddress address();

    /** Whether it has held its slot longer than {@code nanos} without being let in by the conversation. */
    boolean waitingLongerThan(long nanos);

    /** Closes the connection, which releases its slot before its socket closes. */
    void evict();
}
