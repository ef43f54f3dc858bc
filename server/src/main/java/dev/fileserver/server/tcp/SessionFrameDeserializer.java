package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.Deserializer;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.ops.FileServerMetrics.Direction;
import dev.fileserver.server.ops.FileServerMetrics.TransferRecord;
import dev.fileserver.server.session.ExpectedUpload;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.ReceivedUpload;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.RequestRefusedException;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameTooLargeException;
import dev.fileserver.wire.InvalidTextException;
import dev.fileserver.wire.MalformedHeaderException;
import dev.fileserver.wire.Transfer;

/**
 * Reads one connection's frames. Text and file frames share one length-header format, so which
 * one comes next is a matter of the conversation's state: after an upload's {@code y}, a file
 * frame, whose content is streamed into a temporary file as it arrives. Nothing but a bounded
 * text frame or header is ever held in memory.
 */
final class SessionFrameDeserializer implements Deserializer<Object> {

    private static final Logger log = LoggerFactory.getLogger(SessionFrameDeserializer.class);

    private final Session session;

    private final FileStore store;

    private final TcpLimits limits;

    private final FileServerMetrics metrics;

    SessionFrameDeserializer(Session session, FileStore store, TcpLimits limits, FileServerMetrics metrics) {
        this.session = session;
        this.store = store;
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        if (session.isCloseRequested()) {
            // the reply that ended the conversation has been sent by now: let the connection close
            throw new SoftEndOfStreamException("Conversation ended");
        }
        FrameReader reader = new FrameReader(in, limits.frames());
        try {
            Optional<ExpectedUpload> expected = session.takeExpectedUpload();
            return expected.isPresent() ? receiveFile(reader, expected.get()) : reader.readText();
        }
        catch (EndOfStreamException e) {
            throw new SoftEndOfStreamException("Connection closed by peer");
        }
        catch (InvalidTextException e) {
            return new FrameError(e.getMessage(), false);
        }
        catch (FrameTooLargeException | MalformedHeaderException e) {
            return new FrameError(e.getMessage(), true);
        }
        catch (SocketTimeoutException e) {
            log.info("{} closed: nothing received for the idle timeout", session);
            throw new SoftEndOfStreamException("Idle timeout");
        }
        catch (IOException e) {
            // a client going away is part of the job: one line here, not an error with a stack trace
            log.info("{} connection lost: {}", session, e.getMessage());
            throw new SoftEndOfStreamException("Connection lost: " + e.getMessage());
        }
    }

    private Object receiveFile(FrameReader reader, ExpectedUpload expected) throws IOException {
        FileHeader header = reader.readFileHeader();
        if (expected.isDiscarded()) {
            if (header.fileLen() > limits.maxUploadBytes()) {
                return new FrameError("Error: '" + expected.clientDirectory() + "' not found", true);
            }
            reader.copyContent(header, OutputStream.nullOutputStream());
            return new ReceivedUpload(header, expected, null);
        }
        Upload upload;
        try {
            upload = store.beginUpload(expected.directory(), header);
        }
        catch (RequestRefusedException e) {
            // its content is already on the way and we will not read it: the stream is lost
            return new FrameError(e.getMessage(), true);
        }
        session.track(upload);
        TransferRecord transfer = metrics.transferStarted(Direction.UPLOAD);
        long received = 0;
        try (InputStream content = reader.content(header)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) >= 0) {
                received += read;
                try {
                    upload.content().write(buffer, 0, read);
                }
                catch (IOException diskFailure) {
                    upload.abort();
                    session.untrack(upload);
                    transfer.finished(received, false);
                    return new FrameError("Error: could not store '" + header.fileName() + "': "
                            + diskFailure.getMessage(), true);
                }
            }
        }
        catch (IOException connectionFailure) {
            upload.abort();
            session.untrack(upload);
            transfer.finished(received, false);
            throw connectionFailure;
        }
        transfer.finished(received, true);
        return new ReceivedUpload(header, expected, upload);
    }
}
