package dev.fileserver.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.config.StartupException;

/**
 * With TLS on, or logins required, the server is meant for a network: the plaintext listener stays
 * on loopback, where the original v1 client keeps working, unless an operator says in so many words
 * that it may face the network (passwords would cross it in clear).
 */
public final class PlaintextExposure {

    private static final Logger log = LoggerFactory.getLogger(PlaintextExposure.class);

    private PlaintextExposure() {
    }

    static void check(String bindAddress, PlaintextProperties plaintext) {
        check(bindAddress, plaintext, "TLS is enabled");
    }

    /** @param because why the server is meant for a network, for the start-up error: "TLS is enabled" */
    public static void check(String bindAddress, PlaintextProperties plaintext, String because) {
        if (isLoopback(bindAddress)) {
            return;
        }
        if (!plaintext.allowRemote()) {
            throw new StartupException("fileserver.bind-address: the plaintext listener may not listen on "
                    + bindAddress + " while " + because + "; keep it on 127.0.0.1, or set"
                    + " fileserver.plaintext.allow-remote=true to send everything in clear on purpose");
        }
        log.warn("The plaintext listener on {} faces the network: everything it carries crosses it in clear",
                bindAddress);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }
}
