package dev.fileserver.server.command;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.Download;

/**
 * {@code /download PATH}: the type, then on {@code y} one file frame (a folder as a gzip tar). An
 * extension client's {@code y} may ask for the SHA-256 trailer ({@code digest=sha256}) and for the
 * rest of a file from a byte on ({@code offset=N if=VERSION}); as with HTTP's If-Range, a file that
 * is no longer that version is sent whole, and the header's offset of 0 tells the client so.
 */
@Component
class DownloadCommand implements ConfirmedCommand {

    private final TypeTurn typeTurn;

    DownloadCommand(TypeTurn typeTurn) {
        this.typeTurn = typeTurn;
    }

    @Override
    public Set<String> words() {
        return Set.of("/download");
    }

    @Override
    public Outcome handle(Request request) {
        return typeTurn.ask(request, request.store().typeOf(request.path()), this);
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked) {
        return Outcome.idle(Reply.none().then(request.store().openForDownload(request.path())));
    }

    @Override
    public Outcome confirmed(Request request, EntryType asked, AnswerOptions options) {
        Download whole = request.store().openForDownload(request.path());
        long offset = options.number("offset");
        boolean sameCopy = !whole.version().isEmpty() && whole.version().equals(options.text("if"));
        boolean resumes = offset > 0 && sameCopy && !whole.header().compressed() && offset <= whole.header().fileLen();
        boolean trailer = "sha256".equals(options.text("digest"));
        return Outcome.idle(Reply.none().then(new ExtendedDownload(whole, resumes ? offset : 0, trailer)));
    }
}
