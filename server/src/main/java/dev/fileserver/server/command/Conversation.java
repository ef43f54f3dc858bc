package dev.fileserver.server.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.ReceivedUpload;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.Problems;
import dev.fileserver.server.storage.RequestRefusedException;
import dev.fileserver.server.storage.StorageRoot;

/**
 * Routes each frame a connection receives: an answer to a pending question goes to the command
 * that asked it, a request to the command named by its first word (its path confined first), a
 * received file to its commit. The one place where a refusal becomes the error text a client sees.
 */
@Component
public class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final Map<String, Command> commands = new HashMap<>();

    private final StorageRoot root;

    private final FileServerMetrics metrics;

    Conversation(List<Command> commands, StorageRoot root, FileServerMetrics metrics) {
        this.root = root;
        this.metrics = metrics;
        for (Command command : commands) {
            command.words().forEach(word -> this.commands.put(word, command));
        }
    }

    /** The reply to one received frame (possibly empty). */
    public Reply onFrame(Object payload, Session session) {
        try {
            return route(payload, session);
        }
        catch (RuntimeException e) {
            // a defect, not a refusal: say so, and do not guess where the conversation stands
            log.error("{} failed on {}; closing", session, payload.getClass().getSimpleName(), e);
            session.requestClose();
            return Reply.text("Error: internal server error");
        }
    }

    private Reply route(Object payload, Session session) {
        if (payload instanceof String text) {
            return onText(text, session);
        }
        if (payload instanceof ReceivedUpload received) {
            return onUpload(received, session);
        }
        if (payload instanceof FrameError error) {
            log.warn("{} refused a frame: {}{}", session, error.message(), error.fatal() ? "; closing" : "");
            if (error.fatal()) {
                session.requestClose();
            }
            return Reply.text(error.message());
        }
        throw new IllegalArgumentException("unexpected frame " + payload.getClass().getName());
    }

    private Reply onText(String text, Session session) {
        Optional<Function<String, Reply>> pending = session.takePendingAnswer();
        if (pending.isPresent()) {
            return answer(pending.get(), text, session);
        }
        Request request = Request.parse(text);
        Command command = commands.get(request.word());
        if (command == null) {
            // v1: missarg and unknown words get a bare ok
            log.info("{} {} -> ok", session, request.word());
            metrics.commandHandled("other", "ok", 0);
            return Reply.ok();
        }
        long started = System.nanoTime();
        try {
            Request confined = command.takesPath() ? request.withPath(root.resolve(request.argument())) : request;
            Reply reply = command.handle(confined, session);
            long elapsed = System.nanoTime() - started;
            log.info("{} {} '{}' -> {} ({} ms)", session, request.word(), request.argument(), summary(reply),
                    elapsed / 1_000_000);
            metrics.commandHandled(request.word().substring(1), "ok", elapsed);
            return reply;
        }
        catch (RequestRefusedException e) {
            log.info("{} {} '{}' -> refused: {}", session, request.word(), request.argument(), e.getMessage());
            metrics.commandHandled(request.word().substring(1), "refused", System.nanoTime() - started);
            return Reply.text(e.getMessage());
        }
    }

    private Reply answer(Function<String, Reply> handler, String answer, Session session) {
        try {
            Reply reply = handler.apply(answer);
            log.info("{} answered '{}' -> {}", session, answer, summary(reply));
            return reply;
        }
        catch (RequestRefusedException e) {
            log.info("{} answered '{}' -> refused: {}", session, answer, e.getMessage());
            return Reply.text(e.getMessage());
        }
    }

    private Reply onUpload(ReceivedUpload received, Session session) {
        String name = received.header().fileName();
        if (received.upload() == null) {
            String message = new NotFoundException(received.target().clientDirectory()).getMessage();
            log.info("{} upload '{}' into missing '{}' -> discarded {} bytes", session, name,
                    received.target().clientDirectory(), received.header().fileLen());
            return received.header().ack() ? Reply.text(message) : Reply.none();
        }
        try {
            Path stored = received.upload().commit();
            log.info("{} upload '{}' -> stored {} ({} bytes)", session, name, root.path().relativize(stored),
                    received.header().fileLen());
            return received.header().ack() ? Reply.ok() : Reply.none();
        }
        catch (RequestRefusedException e) {
            log.warn("{} upload '{}' -> refused: {}", session, name, e.getMessage());
            return uploadOutcome(received, e.getMessage());
        }
        catch (IOException e) {
            log.warn("{} upload '{}' -> failed: {}", session, name, e.toString());
            return uploadOutcome(received, "Error: could not store '" + name + "': " + Problems.reason(e));
        }
        finally {
            received.upload().abort();
            session.untrack(received.upload());
        }
    }

    /**
     * A v1 client reads nothing after its upload, so an unasked-for frame would be taken as the
     * answer to its next request and every answer after it would be one behind; only a client that
     * asked for an acknowledgement hears of the failure (the log always does).
     */
    private static Reply uploadOutcome(ReceivedUpload received, String error) {
        return received.header().ack() ? Reply.text(error) : Reply.none();
    }

    private static String summary(Reply reply) {
        return reply.isEmpty() ? "(no reply)" : reply.toString();
    }
}
