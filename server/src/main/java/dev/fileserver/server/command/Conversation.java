package dev.fileserver.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.fileserver.server.auth.Authenticator;
import dev.fileserver.server.auth.LoginRefusedException;
import dev.fileserver.server.auth.TooManyConnectionsException;
import dev.fileserver.server.command.FileFrameOutcome.Discarded;
import dev.fileserver.server.command.FileFrameOutcome.Received;
import dev.fileserver.server.command.FileFrameOutcome.Refused;
import dev.fileserver.server.command.UploadReceiver.InFlightUpload;
import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.ConversationState;
import dev.fileserver.server.session.ConversationState.AwaitingAnswer;
import dev.fileserver.server.session.ConversationState.AwaitingFile;
import dev.fileserver.server.session.ConversationState.AwaitingLocalPath;
import dev.fileserver.server.session.ConversationState.Closing;
import dev.fileserver.server.session.ConversationState.AwaitingSecret;
import dev.fileserver.server.session.ConversationState.AwaitingTrailer;
import dev.fileserver.server.session.ConversationState.Idle;
import dev.fileserver.server.session.ConversationState.PendingAnswer;
import dev.fileserver.server.session.ConversationState.Receiving;
import dev.fileserver.server.session.FileFrameReceiver;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.session.Login;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UploadAbandonedException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerException;

/**
 * The conversation's state machine: what each frame means in the state its connection is in, and
 * which state follows. The one switch over {@link ConversationState}s is {@link #turn}; every
 * state change of a connection is made here. Requests go to the command named by their first word,
 * their path confined first to the caller's store (the served root, or after a login the account's
 * home); answers to the question that asked them; a login's secret to the {@link Authenticator};
 * file frames to the {@link UploadReceiver}. Every refusal is worded by {@link V1Errors}.
 */
@Component
public class Conversation implements FileFrameReceiver {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    /** What a connection may ask before it logs in, where a login is required. */
    private static final Set<String> BEFORE_LOGIN = Set.of("/capabilities", "/login", "/whoami", "/exit");

    private final Map<String, Command> commands = new HashMap<>();

    private final FileStore store;

    private final UsageLedger usage;

    private final UploadReceiver uploads;

    private final V1Errors errors;

    private final FileServerMetrics metrics;

    private final Authenticator logins;

    Conversation(List<Command> commands, FileStore store, UsageLedger usage, UploadReceiver uploads, V1Errors errors,
            FileServerMetrics metrics, Authenticator logins) {
        this.store = store;
        this.usage = usage;
        this.logins = logins;
        this.uploads = uploads;
        this.errors = errors;
        this.metrics = metrics;
        for (Command command : commands) {
            command.words().forEach(word -> this.commands.put(word, command));
        }
    }

    /** The reply to one received frame (possibly empty); the session moves to the state that follows. */
    public Reply onFrame(Object frame, Session session) {
        Outcome outcome;
        try {
            outcome = turn(session.state(), frame, session);
        }
        catch (RuntimeException e) {
            // a defect, not a refusal: say so, and do not guess where the conversation stands
            log.error("{} failed on {} in {}; closing", session, frame.getClass().getSimpleName(), session.state(), e);
            session.state().end();
            outcome = Outcome.closing(Reply.text(V1Errors.INTERNAL_ERROR));
        }
        session.moveTo(outcome.next());
        return outcome.reply();
    }

    private Outcome turn(ConversationState state, Object frame, Session session) {
        if (frame instanceof FrameError error) {
            return onFrameError(error, state, session);
        }
        if (state instanceof Idle) {
            return onRequest((String) frame, session);
        }
        if (state instanceof AwaitingSecret awaiting) {
            return onSecret(awaiting.name(), (String) frame, session);
        }
        if (state instanceof AwaitingAnswer awaiting) {
            return onAnswer(awaiting.pending(), (String) frame, session);
        }
        if (state instanceof AwaitingLocalPath) {
            return Outcome.idle(Reply.none());
        }
        if (state instanceof AwaitingFile || state instanceof Receiving) {
            return onFileFrame((FileFrameOutcome) frame, session);
        }
        if (state instanceof AwaitingTrailer awaiting) {
            return onTrailer((InFlightUpload) awaiting.transfer(), (String) frame, awaiting, session);
        }
        if (state instanceof Closing) {
            // the connection ends before another frame is read
            return new Outcome(Reply.none(), state);
        }
        throw new IllegalStateException("no turn for " + state);
    }

    private Outcome onFrameError(FrameError error, ConversationState state, Session session) {
        log.warn("{} refused a frame: {}{}", session, error.problem().getMessage(), error.fatal() ? "; closing" : "");
        Reply reply = Reply.text(errors.render(error));
        return error.fatal() ? Outcome.closing(reply) : new Outcome(reply, state);
    }

    private Outcome onRequest(String text, Session session) {
        Login login = session.login();
        Request request = Request.parse(text);
        boolean loginDue = logins.required() && login == null;
        if (loginDue && !BEFORE_LOGIN.contains(request.word())) {
            // one frame where a v1 server puts its path check: a v1 client shows it and stays in step
            log.info("{} {} -> refused: not logged in", session, request.word());
            metrics.commandHandled("other", "refused", 0);
            return Outcome.idle(Reply.text(V1Errors.LOG_IN_FIRST));
        }
        if (!loginDue) {
            // a complete request, whatever it asks, ends the login grace time; where a login is due, the login does
            session.admit();
        }
        request = request.from(login == null ? new Caller(store, usage, null, session.isEncrypted())
                : new Caller(login.home(), login.usage(), login, session.isEncrypted()));
        Command command = commands.get(request.word());
        if (command == null) {
            // v1: missarg and unknown words get a bare ok
            log.info("{} {} -> ok", session, request.word());
            metrics.commandHandled("other", "ok", 0);
            return Outcome.idle(Reply.ok());
        }
        long started = System.nanoTime();
        String name = request.word().substring(1);
        try {
            if (command.takesPath()) {
                StoragePath path = StoragePath.parse(request.argument());
                request.store().confine(path);
                if (command.writes() && request.caller().isReadOnly()) {
                    throw new ReadOnlyAccountException(login.account());
                }
                request = request.withPath(path, request.store().rootName());
            }
            Outcome outcome = command.handle(request);
            long elapsed = System.nanoTime() - started;
            log.info("{} {} '{}' -> {} ({} ms)", session, request.word(), request.argument(), outcome.reply(),
                    elapsed / 1_000_000);
            metrics.commandHandled(name, "ok", elapsed);
            return outcome;
        }
        catch (StorageException e) {
            log.info("{} {} '{}' -> refused: {}", session, request.word(), request.argument(), e.getMessage());
            metrics.commandHandled(name, "refused", System.nanoTime() - started);
            return Outcome.idle(Reply.text(errors.render(e, request.displayName())));
        }
    }

    /** The secret after {@code /login NAME}: never logged, never kept. */
    private Outcome onSecret(String name, String secret, Session session) {
        try {
            Login login = logins.logIn(name, secret, session.address());
            session.logIn(login);
            session.admit();
            log.info("{} logged in as {} ({})", session, name, login.access());
            return Outcome.idle(Reply.text("welcome " + name + " " + login.access()));
        }
        catch (LoginRefusedException e) {
            log.info("{} /login '{}' -> refused: {}", session, Names.visible(name), e.getMessage());
            return Outcome.idle(Reply.text(errors.loginRefused(e)));
        }
        catch (TooManyConnectionsException e) {
            log.info("{} /login '{}' -> refused: {}; closing", session, Names.visible(name), e.getMessage());
            return Outcome.closing(Reply.text(errors.tooManyConnections(e)));
        }
    }

    private Outcome onAnswer(PendingAnswer pending, String answer, Session session) {
        try {
            Outcome outcome = pending.answer(answer);
            log.info("{} answered '{}' to {} -> {}", session, answer, pending, outcome.reply());
            return outcome;
        }
        catch (StorageException e) {
            log.info("{} answered '{}' to {} -> refused: {}", session, answer, pending, e.getMessage());
            return Outcome.idle(Reply.text(errors.render(e, pending.clientPath())));
        }
    }

    /**
     * Called by the connection's reader with an expected file frame's content, bounded to its
     * length. The conversation is then receiving, so a connection that ends midway aborts the upload.
     */
    @Override
    public Object receive(FileHeader header, InputStream content, Session session) throws IOException {
        if (!(session.state() instanceof AwaitingFile awaiting && awaiting.target() instanceof UploadTarget target)) {
            throw new IllegalStateException("a file frame read in " + session.state());
        }
        if (target.isDiscarded()) {
            try {
                uploads.discard(target, header, content);
                return new Discarded(header, target);
            }
            catch (StorageException e) {
                return new Refused(header, e, target.clientDirectory());
            }
        }
        try {
            InFlightUpload upload = uploads.begin(target, header);
            session.moveTo(new Receiving(target, upload));
            upload.copy(content);
            return new Received(header, upload);
        }
        catch (StorageException e) {
            // refused with its content unread, or failed midway: the stream is out of step either way
            return new Refused(header, e, target.clientDirectory());
        }
    }

    private Outcome onFileFrame(FileFrameOutcome frame, Session session) {
        String name = frame.header().fileName();
        boolean ack = frame.header().ack();
        if (frame instanceof Refused refused) {
            log.warn("{} upload '{}' -> refused: {}; closing", session, name, refused.problem().getMessage());
            return Outcome.closing(Reply.text(errors.render(refused.problem(), refused.clientPath())));
        }
        if (frame instanceof Discarded discarded) {
            log.info("{} upload '{}' into missing '{}' -> discarded {} bytes", session, name,
                    discarded.target().clientDirectory(), frame.header().fileLen());
            if (frame.header().extensions().sha256Trailer()) {
                // its trailer is on the way all the same; the error follows it
                return Outcome.then(Reply.none(), new AwaitingTrailer(uploads.dropped(discarded.target(),
                        frame.header())));
            }
            String missing = errors.render(new NotFoundException(discarded.target().missing()),
                    discarded.target().clientDirectory());
            return Outcome.idle(ack ? Reply.text(missing) : Reply.none());
        }
        InFlightUpload upload = ((Received) frame).upload();
        if (upload.awaitsTrailer()) {
            return Outcome.then(Reply.none(), new AwaitingTrailer(upload));
        }
        return commit(upload, session);
    }

    /**
     * A frame of an upload's digest trailer. A trailer that is not one leaves the stream out of
     * step (its frames would be read as requests): the upload goes, and so does the connection.
     */
    private Outcome onTrailer(InFlightUpload upload, String frame, AwaitingTrailer state, Session session) {
        String name = upload.header().fileName();
        Sha256Trailer trailer;
        try {
            trailer = upload.acceptTrailer(frame);
        }
        catch (TrailerException e) {
            upload.discard();
            log.warn("{} upload '{}' -> refused: {}; closing", session, name, e.getMessage());
            return Outcome.closing(Reply.text(e.getMessage()));
        }
        if (trailer == null) {
            return Outcome.then(Reply.none(), state);
        }
        try {
            upload.check(trailer);
        }
        catch (StorageException e) {
            log.warn("{} upload '{}' -> refused: {}", session, name, e.getMessage());
            return Outcome.idle(uploadOutcome(upload.header().ack(), errors.render(e, null)));
        }
        return commit(upload, session);
    }

    private Outcome commit(InFlightUpload upload, Session session) {
        FileHeader header = upload.header();
        try {
            StoragePath stored = upload.commit(session::isAbandoned);
            log.info("{} upload '{}' -> stored {} ({} bytes)", session, header.fileName(), stored, header.fileLen());
            return Outcome.idle(header.ack() ? Reply.ok() : Reply.none());
        }
        catch (UploadAbandonedException e) {
            log.info("{} upload '{}' -> stopped: the client went away; nothing stored", session, header.fileName());
            return Outcome.closing(Reply.none());
        }
        catch (StorageException e) {
            log.warn("{} upload '{}' -> refused: {}", session, header.fileName(), e.getMessage());
            return Outcome.idle(uploadOutcome(header.ack(), errors.render(e, null)));
        }
    }

    /**
     * A v1 client reads nothing after its upload, so an unasked-for frame would be taken as the
     * answer to its next request and every answer after it would be one behind; only a client that
     * asked for an acknowledgement hears of the failure (the log always does).
     */
    private static Reply uploadOutcome(boolean ack, String error) {
        return ack ? Reply.text(error) : Reply.none();
    }
}
