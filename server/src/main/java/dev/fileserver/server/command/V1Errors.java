package dev.fileserver.server.command;

import org.springframework.stereotype.Component;

import dev.fileserver.server.auth.LoginRefusedException;
import dev.fileserver.server.auth.TooManyConnectionsException;
import dev.fileserver.server.session.FrameError;
import dev.fileserver.server.storage.AlreadyExistsException;
import dev.fileserver.server.storage.ArchiveRefusedException;
import dev.fileserver.server.storage.ArchiveTopLevelException;
import dev.fileserver.server.storage.ExpansionRatioException;
import dev.fileserver.server.storage.DigestMismatchException;
import dev.fileserver.server.storage.InsufficientCapacityException;
import dev.fileserver.server.storage.InvalidMoveException;
import dev.fileserver.server.storage.InvalidNameException;
import dev.fileserver.server.storage.IsADirectoryException;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.KeptPartGoneException;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PathOutsideRootException;
import dev.fileserver.server.storage.QuotaExceededException;
import dev.fileserver.server.storage.ReservedNameException;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UploadAbandonedException;
import dev.fileserver.server.storage.UploadTooLargeException;

/**
 * The one place where a refusal becomes the text a v1 client is shown, as MINA SSHD maps every
 * exception to a status in one place. Storage and commands throw exceptions that carry data; the
 * wording, byte for byte what the original server said where it said anything, is chosen here.
 */
@Component
public class V1Errors {

    static final String INTERNAL_ERROR = "Error: internal server error";

    static final String LOGIN_USAGE = "Error: usage: /login NAME";

    static final String LOG_IN_FIRST = "Error: log in first: this server requires /login";

    static final String LOGIN_FAILED = "Error: login failed";

    /** A second {@code /login} on a connection that has logged in. */
    String alreadyLoggedIn(String account) {
        return "Error: already logged in as " + account;
    }

    /** A login refused: the same words for a wrong secret and for no such account. */
    String loginRefused(LoginRefusedException refused) {
        return refused.isLocked() ? "Error: too many failed logins; try again in " + refused.lockedSeconds() + " s"
                : LOGIN_FAILED;
    }

    String tooManyConnections(TooManyConnectionsException busy) {
        return "Error: too many connections for " + busy.account();
    }

    /**
     * The error text for {@code failure}; {@code clientPath} is how the client named the path the
     * request was about (null when it named none), used in place of the store's spelling of it.
     */
    public String render(RuntimeException failure, String clientPath) {
        if (failure instanceof PathOutsideRootException || failure instanceof ReadOnlyAccountException) {
            return "Error: You don't have permission to access that directory";
        }
        if (failure instanceof NotFoundException notFound) {
            return "Error: '" + spelled(clientPath, notFound.path()) + "' not found";
        }
        if (failure instanceof NotADirectoryException notADirectory) {
            return "Error: '" + spelled(clientPath, notADirectory.path()) + "' is not a directory";
        }
        if (failure instanceof RootNotDeletableException) {
            return "Error: the root folder cannot be deleted";
        }
        if (failure instanceof AlreadyExistsException exists) {
            return "Error: '" + exists.path() + "' already exists";
        }
        if (failure instanceof InvalidMoveException move) {
            return move.from().isRoot() || move.to().isRoot() ? "Error: the root folder cannot be moved"
                    : "Error: cannot move '" + move.from() + "' into itself ('" + move.to() + "')";
        }
        if (failure instanceof StorageFailureException storage) {
            return storageFailure(storage, clientPath);
        }
        if (failure instanceof ListingTooLongException tooLong) {
            return "Error: the listing of '" + Names.visible(clientPath) + "' is longer than " + tooLong.limit()
                    + " characters; list a folder inside it";
        }
        if (failure instanceof StorageException refusal) {
            return uploadRefusal(refusal);
        }
        return INTERNAL_ERROR;
    }

    private static String uploadRefusal(StorageException refusal) {
        if (refusal instanceof InvalidNameException invalid) {
            return "Error: '" + Names.visible(invalid.name()) + "' is not a valid file name"
                    + (Names.hasControlCharacter(invalid.name()) ? ": it holds a control character" : "");
        }
        if (refusal instanceof ExpansionRatioException ratio) {
            return "Error: the archive for '" + ratio.name() + "' expands to more than " + ratio.ratio()
                    + " times the " + ratio.sent() + " bytes sent; nothing was stored";
        }
        if (refusal instanceof UploadAbandonedException abandoned) {
            return "Error: the upload of '" + abandoned.name() + "' was abandoned; nothing was stored";
        }
        if (refusal instanceof UploadTooLargeException tooLarge) {
            return "Error: '" + tooLarge.name() + "' is " + tooLarge.size() + " bytes; the server accepts at most "
                    + tooLarge.limit() + " bytes per upload";
        }
        if (refusal instanceof QuotaExceededException quota) {
            return quotaExceeded(quota);
        }
        if (refusal instanceof InsufficientCapacityException noRoom) {
            return "Error: not enough free space on the server for '" + noRoom.name() + "' (" + noRoom.size()
                    + " bytes)";
        }
        if (refusal instanceof IsADirectoryException folder) {
            return "Error: '" + folder.name() + "' is a directory on the server";
        }
        if (refusal instanceof ArchiveRefusedException archive) {
            // the archive reader's own words, shared with the client, which unpacks with the same reader
            return archive.problem().getMessage();
        }
        if (refusal instanceof ArchiveTopLevelException topLevel) {
            return "Error: the archive for '" + topLevel.folderName() + "' holds "
                    + (topLevel.topLevel().isEmpty() ? "nothing" : topLevel.topLevel()) + " at its top level";
        }
        if (refusal instanceof ReservedNameException reserved) {
            return "Error: the archive holds '" + reserved.entry() + "', a name the server reserves";
        }
        if (refusal instanceof DigestMismatchException mismatch) {
            return digestMismatch(mismatch);
        }
        if (refusal instanceof KeptPartGoneException gone) {
            return "Error: the part kept of '" + gone.name() + "' is gone; send the whole file again";
        }
        return INTERNAL_ERROR;
    }

    /**
     * As the disk-full refusal, naming the quota and its folder (the root's is the whole server's);
     * nothing of the upload is kept either way.
     */
    private static String quotaExceeded(QuotaExceededException quota) {
        String of = quota.scope().isRoot() ? "" : " of '" + Names.visible(quota.scope().toString()) + "'";
        return "Error: quota exceeded: no room for '" + Names.visible(quota.name()) + "' within the quota" + of
                + " of " + quota.limit() + (quota.files() ? " files" : " bytes") + " (" + quota.used() + " used)";
    }

    /** Both digests, so that either side can be checked by hand with {@code sha256sum}. */
    private static String digestMismatch(DigestMismatchException mismatch) {
        String what = mismatch.entry() == null ? "'" + mismatch.name() + "'"
                : "'" + mismatch.entry() + "' in '" + mismatch.name() + "'";
        if (mismatch.announced() == null) {
            return "Error: " + what + " arrived but was not in the client's digests; nothing was stored";
        }
        if (mismatch.arrived() == null) {
            return "Error: " + what + " was in the client's digests but did not arrive; nothing was stored";
        }
        return "Error: " + what + " arrived with SHA-256 " + mismatch.arrived() + " but the client sent "
                + mismatch.announced() + "; nothing was stored";
    }

    private static String storageFailure(StorageFailureException failure, String clientPath) {
        String subject = Names.visible(clientPath != null ? clientPath : failure.subject());
        return switch (failure.operation()) {
            case LIST -> "Error: cannot list '" + subject + "': " + failure.reason();
            case READ -> "Error: cannot read '" + subject + "': " + failure.reason();
            case DELETE -> "Error: cannot delete '" + subject + "': " + failure.reason();
            case CREATE -> "Error: cannot create '" + subject + "': " + failure.reason();
            case RENAME -> "Error: cannot rename '" + subject + "': " + failure.reason();
            // an upload is named by its file name, not by the folder it goes into
            case BEGIN_STORE -> "Error: cannot store '" + Names.visible(failure.subject()) + "': " + failure.reason();
            case STORE -> "Error: could not store '" + Names.visible(failure.subject()) + "': " + failure.reason();
        };
    }

    /** A frame the codec refused: its exceptions carry their v1 text, shared with the client. */
    public String render(FrameError error) {
        return error.problem().getMessage();
    }

    /** A folder a tree could not enter, noted on its line as the {@code tree} tool does. */
    String treeNote(StorageException failure) {
        String reason = failure instanceof StorageFailureException storage ? storage.reason() : "not readable";
        return " [cannot list: " + reason + "]";
    }

    private static String spelled(String clientPath, StoragePath path) {
        return Names.visible(clientPath != null ? clientPath : path.toString());
    }
}
