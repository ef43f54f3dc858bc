package dev.fileserver.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.command.UploadTarget.KeptPart;
import dev.fileserver.server.session.ConversationState.AwaitingFile;
import dev.fileserver.server.session.ConversationState.AwaitingLocalPath;
import dev.fileserver.server.session.Login;
import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.digest.Sha256;

/**
 * {@code /upload [DIR]}: the type of DIR, then the client's {@code y} and one file frame, its
 * {@code n}, or {@code error} and the local path it could not read. An extension client may answer
 * {@code y resume size=N name=NAME} to hear how much of that upload the server kept
 * ({@code resume LENGTH SHA256}) before it sends its frame.
 */
@Component
class UploadCommand implements ConfirmedCommand {

    static final String RESUME = "resume";

    private final TypeTurn typeTurn;

    UploadCommand(TypeTurn typeTurn) {
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/upload");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Outcome handle(Request request) {
        EntryType type = request.store().typeOf(request.path());
        if (type == EntryType.DIRECTORY) {
            return typeTurn.ask(request, type, this);
        }
        return typeTurn.askDespite(type == EntryType.FILE
                ? new NotADirectoryException(request.path())
                : new NotFoundException(request.path()), request, type, this);
    }

    /**
     * Where the file goes was settled when the client was told the folder's type: its frame comes
     * whatever happens meanwhile, and the store checks the folder again when the frame arrives.
     */
    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        return Outcome.then(Reply.none(), new AwaitingFile(target(request, asked)));
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked, AnswerOptions options) {
        if (!options.has(RESUME)) {
            return confirmed(request, asked);
        }
        UploadTarget target = target(request, asked);
        KeptPart part = target.isDiscarded() ? null : kept(request, options);
        String answer = part == null ? RESUME + " 0 " + Sha256.of(new byte[0])
                : RESUME + " " + part.length() + " " + Sha256.hexSoFar(part.digestSoFar());
        return Outcome.then(Reply.text(answer), new AwaitingFile(part == null ? target : target.resuming(part)));
    }

    /** Settled when the client was told the folder's type: its frame comes whatever happens meanwhile. */
    private UploadTarget target(Request request, EntryType asked) {
        return asked == EntryType.DIRECTORY ? UploadTarget.into(request.caller(), owner(request), request.path(),
                request.argument())
                : UploadTarget.discarded(request.caller(), owner(request), request.path(), request.argument());
    }

    /** Whom a kept part is bound to: the account, or nobody in particular without one. */
    private static String owner(Request request) {
        Login login = request.caller().login();
        return login == null ? PartKey.NO_ACCOUNT : login.account();
    }

    /** The part kept for this upload, hashed so far, or null; one longer than the file is not it. */
    private KeptPart kept(Request request, AnswerOptions options) {
        long size = options.number("size");
        String name = options.text("name");
        if (size < 0 || !Names.isPlain(name)) {
            return null;
        }
        PartKey key = new PartKey(owner(request), request.path(), name, size);
        FileStore store = request.store();
        long length = store.keptLength(key);
        if (length == 0 || length > size) {
            return null;
        }
        MessageDigest digest = Sha256.start();
        try (InputStream part = store.openKeptPart(key)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            long hashed = 0;
            int read;
            while (hashed < length && (read = part.read(buffer, 0, (int) Math.min(buffer.length, length - hashed))) > 0) {
                digest.update(buffer, 0, read);
                hashed += read;
            }
            return hashed == length ? new KeptPart(key, length, digest) : null;
        }
        catch (IOException e) {
            throw new StorageFailureException(Operation.READ, name, "the kept part could not be read", e);
        }
    }

    @Override
    public Outcome declined(Request request, String answer) {
        // the client could not read its local file and names it in one more frame
        return "error".equals(answer) ? Outcome.then(Reply.none(), new AwaitingLocalPath())
                : Outcome.idle(Reply.none());
    }
}
