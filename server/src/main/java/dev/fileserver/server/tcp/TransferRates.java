package dev.fileserver.server.tcp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.fileserver.server.session.Login;
import dev.fileserver.server.session.Session;

/**
 * The byte rates file content is held to: each connection's own, and, for a logged-in connection,
 * its account's, one throttle per direction shared by all the account's connections on every
 * listener (so that opening more connections does not buy more speed). Rates are in bytes per
 * second, 0 for none.
 */
final class TransferRates {

    private final long connectionUpload;

    private final long connectionDownload;

    private final long accountUpload;

    private final long accountDownload;

    private final ConcurrentMap<String, Throttle> accountUploads = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Throttle> accountDownloads = new ConcurrentHashMap<>();

    TransferRates(long connectionUpload, long connectionDownload, long accountUpload, long accountDownload) {
        this.connectionUpload = connectionUpload;
        this.connectionDownload = connectionDownload;
        this.accountUpload = accountUpload;
        this.accountDownload = accountDownload;
    }

    /** A new connection's own upload throttle. */
    Throttle connectionUploads() {
        return Throttle.of(connectionUpload);
    }

    /** A new connection's own download throttle. */
    Throttle connectionDownloads() {
        return Throttle.of(connectionDownload);
    }

    /** Content read no faster than the connection's throttle and its account's. */
    InputStream uploads(InputStream content, Throttle connection, Session session) {
        return account(accountUploads, accountUpload, session).limit(connection.limit(content));
    }

    /** Content written no faster than the connection's throttle and its account's. */
    OutputStream downloads(OutputStream content, Throttle connection, Session session) {
        return account(accountDownloads, accountDownload, session).limit(connection.limit(content));
    }

    /** Asked per transfer, not per connection: a connection logs in after it was opened. */
    private static Throttle account(ConcurrentMap<String, Throttle> throttles, long rate, Session session) {
        Login login = session.login();
        if (login == null || rate == 0) {
            return Throttle.of(0);
        }
        return throttles.computeIfAbsent(login.account(), name -> Throttle.of(rate));
    }
}
