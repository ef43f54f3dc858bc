package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.Serializer;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.ops.FileServerMetrics.Direction;
import dev.fileserver.server.ops.FileServerMetrics.TransferRecord;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.wire.FileFrameSource;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameWriter;

/**
 * Writes a {@link Reply} to one connection: text frames whole, a file frame streamed from disk
 * (or from a tar writer) straight to the socket, no faster than the download rate. On a plain
 * connection, with {@code fileserver.plain-transfers} at {@code sendfile}, the output can take a file's channel
 * ({@link SocketChannelOutput}); a rate or a digest wraps it in a stream, and then the content is
 * copied as on a TLS connection.
 */
final class SessionReplySerializer implements Serializer<Object> {

    private static final Logger log = LoggerFactory.getLogger(SessionReplySerializer.class);

    private final Session session;

    private final FileServerMetrics metrics;

    private final TransferRates rates;

    private final Throttle downloads;

    /** The connection's channel; null on a TLS connection, or when downloads do not go by sendfile. */
    private final SocketChannel channel;

    SessionReplySerializer(Session session, FileServerMetrics metrics, TransferRates rates, SocketChannel channel) {
        this.session = session;
        this.channel = channel;
        this.metrics = metrics;
        this.rates = rates;
        this.downloads = rates.connectionDownloads();
    }

    @Override
    public void serialize(Object object, OutputStream socket) throws IOException {
        Reply reply = object instanceof Reply r ? r : Reply.text(object.toString());
        OutputStream progress = new ProgressOutputStream(socket, session);
        OutputStream out = channel != null ? new SocketChannelOutput(progress, channel, session) : progress;
        FrameWriter writer = new FrameWriter(out);
        session.writeStarted();
        try {
            for (Object part : reply.parts()) {
                if (part instanceof FileFrameSource download) {
                    send(download, writer, out);
                }
                else {
                    writer.writeText((String) part);
                }
            }
            // inside the watched window: a client that reads nothing blocks right here
            out.flush();
        }
        finally {
            session.writeFinished();
        }
    }

    private void send(FileFrameSource download, FrameWriter writer, OutputStream out) throws IOException {
        FileHeader header = download.header();
        long started = System.nanoTime();
        TransferRecord transfer = metrics.transferStarted(Direction.DOWNLOAD);
        try (download) {
            writer.writeFileHeader(header);
            download.writeContent(rates.downloads(out, downloads, session));
            out.flush();
        }
        catch (IOException | RuntimeException e) {
            transfer.finished(0, false);
            log.warn("{} download '{}' failed after starting: {}; closing", session, header.fileName(), e.getMessage());
            throw e;
        }
        finally {
            // what went by channel went, whether or not the transfer was whole
            if (out instanceof SocketChannelOutput direct) {
                transfer.movedByChannel(direct.movedByChannel());
            }
        }
        transfer.finished(header.fileLen(), true);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("{} sent '{}' {} bytes in {} ms", session, header.fileName(), header.fileLen(), millis);
    }
}
