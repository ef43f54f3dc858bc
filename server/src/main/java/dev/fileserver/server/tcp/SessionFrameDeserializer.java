package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.Deserializer;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import dev.fileserver.server.session.FileFrameReceiver;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.Session;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameTooLargeException;
import dev.fileserver.wire.InvalidTextException;
import dev.fileserver.wire.MalformedHeaderException;

/**
 * Reads one connection's frames. Text and file frames share one length-header format, so which
 * one comes next is a matter of the conversation's state: after an upload's {@code y}, a file
 * frame, whose header is read here and whose content is handed on as a stream bounded to its
 * length (and read no faster than the upload rate), never held in memory. A frame that breaks the
 * protocol is reported as a {@link FrameError} to the conversation and as an offence to the defender.
 */
final class SessionFrameDeserializer implements Deserializer<Object> {

    private static final Logger log = LoggerFactory.getLogger(SessionFrameDeserializer.class);

    private final Session session;

    private final FileFrameReceiver files;

    private final FrameLimits limits;

    private final TransferRates rates;

    private final Throttle uploads;

    private final Runnable protocolError;

    private final ContentSource contents;

    /** How a file frame's content is read once its header is: a bounded stream, or more (a channel). */
    interface ContentSource {

        InputStream content(FrameReader reader, FileHeader header);
    }

    SessionFrameDeserializer(Session session, FileFrameReceiver files, FrameLimits limits, TransferRates rates,
            Runnable protocolError) {
        this(session, files, limits, rates, protocolError, FrameReader::content);
    }

    SessionFrameDeserializer(Session session, FileFrameReceiver files, FrameLimits limits, TransferRates rates,
            Runnable protocolError, ContentSource contents) {
        this.contents = contents;
        this.session = session;
        this.files = files;
        this.limits = limits;
        this.rates = rates;
        this.uploads = rates.connectionUploads();
        this.protocolError = protocolError;
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        if (session.isClosing()) {
            // the reply that ended the conversation has been sent by now: let the connection close
            throw new SoftEndOfStreamException("Conversation ended");
        }
        FrameReader reader = new FrameReader(in, limits);
        try {
            return session.state().awaitsFile() ? receiveFile(reader) : reader.readText();
        }
        catch (EndOfStreamException e) {
            throw new SoftEndOfStreamException("Connection closed by peer");
        }
        catch (InvalidTextException e) {
            protocolError.run();
            return new FrameError(e, false);
        }
        catch (FrameTooLargeException | MalformedHeaderException e) {
            protocolError.run();
            return new FrameError(e, true);
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

    private Object receiveFile(FrameReader reader) throws IOException {
        FileHeader header = reader.readFileHeader();
        try (InputStream content = rates.uploads(contents.content(reader, header), uploads, session)) {
            return files.receive(header, content, session);
        }
    }
}
