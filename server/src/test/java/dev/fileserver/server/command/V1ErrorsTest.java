package dev.fileserver.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fileserver.server.storage.ArchiveRefusedException;
import dev.fileserver.server.storage.ArchiveTopLevelException;
import dev.fileserver.server.storage.InsufficientCapacityException;
import dev.fileserver.server.storage.InvalidNameException;
import dev.fileserver.server.storage.IsADirectoryException;
import dev.fileserver.server.storage.NotADirectoryException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PathOutsideRootException;
import dev.fileserver.server.storage.QuotaExceededException;
import dev.fileserver.server.storage.ReservedNameException;
import dev.fileserver.server.storage.RootNotDeletableException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UploadTooLargeException;
import dev.fileserver.wire.archive.UnsafeArchiveException;

/** Every refusal in the exact words the server has always sent, the client's spelling of a path kept. */
class V1ErrorsTest {

    final V1Errors errors = new V1Errors();

    @Test
    void refusalsAboutAPathNameItAsTheClientTypedIt() {
        StoragePath path = StoragePath.parse("a/../docs");
        assertThat(errors.render(new PathOutsideRootException(), "../x"))
                .isEqualTo("Error: You don't have permission to access that directory");
        assertThat(errors.render(new NotFoundException(path), "a/../docs")).isEqualTo("Error: 'a/../docs' not found");
        assertThat(errors.render(new NotADirectoryException(path), "a/../docs"))
                .isEqualTo("Error: 'a/../docs' is not a directory");
        assertThat(errors.render(new NotFoundException(path), null)).isEqualTo("Error: 'docs' not found");
        assertThat(errors.render(new RootNotDeletableException(), "")).isEqualTo("Error: the root folder cannot be deleted");
        assertThat(errors.render(new ListingTooLongException(40), "data"))
                .isEqualTo("Error: the listing of 'data' is longer than 40 characters; list a folder inside it");
    }

    @Test
    void aQuotaRefusalIsShapedAsTheFullDiskOneAndNamesTheQuotaAndItsFolder() {
        assertThat(errors.render(new InsufficientCapacityException("big.iso", 5000), null))
                .isEqualTo("Error: not enough free space on the server for 'big.iso' (5000 bytes)");
        assertThat(errors.render(new QuotaExceededException(StoragePath.ROOT, "big.iso", false, 4096, 1024), null))
                .isEqualTo("Error: quota exceeded: no room for 'big.iso' within the quota of 4096 bytes (1024 used)");
        assertThat(errors.render(new QuotaExceededException(StoragePath.parse("home/ana"), "f5", true, 4, 4), null))
                .isEqualTo("Error: quota exceeded: no room for 'f5' within the quota of 'home/ana' of 4 files"
                        + " (4 used)");
    }

    @Test
    void storageFailuresSayWhichStepFailedAndWhyWithoutServerPaths() {
        AccessDeniedException denied = new AccessDeniedException("/srv/data/docs");
        assertThat(errors.render(failure(Operation.LIST, "docs", denied), "docs"))
                .isEqualTo("Error: cannot list 'docs': permission denied");
        assertThat(errors.render(failure(Operation.READ, "docs", denied), "docs"))
                .isEqualTo("Error: cannot read 'docs': permission denied");
        assertThat(errors.render(failure(Operation.DELETE, "docs", denied), "docs"))
                .isEqualTo("Error: cannot delete 'docs': permission denied");
        assertThat(errors.render(failure(Operation.BEGIN_STORE, "a.txt", denied), "docs"))
                .isEqualTo("Error: cannot store 'a.txt': permission denied");
        assertThat(errors.render(failure(Operation.STORE, "a.txt", denied), "docs"))
                .isEqualTo("Error: could not store 'a.txt': permission denied");
    }

    @Test
    void uploadRefusalsNameTheUpload() {
        assertThat(errors.render(new InvalidNameException(".."), null)).isEqualTo("Error: '..' is not a valid file name");
        assertThat(errors.render(new UploadTooLargeException("big", 101, 100), null))
                .isEqualTo("Error: 'big' is 101 bytes; the server accepts at most 100 bytes per upload");
        assertThat(errors.render(new InsufficientCapacityException("big", 5), null))
                .isEqualTo("Error: not enough free space on the server for 'big' (5 bytes)");
        assertThat(errors.render(new IsADirectoryException("docs"), null))
                .isEqualTo("Error: 'docs' is a directory on the server");
        assertThat(errors.render(new ArchiveRefusedException(new UnsafeArchiveException("archive entry '/x' has an absolute name")), null))
                .isEqualTo("Error: archive entry '/x' has an absolute name");
        assertThat(errors.render(new ArchiveTopLevelException("album", List.of("album", "other")), null))
                .isEqualTo("Error: the archive for 'album' holds [album, other] at its top level");
        assertThat(errors.render(new ArchiveTopLevelException("album", List.of()), null))
                .isEqualTo("Error: the archive for 'album' holds nothing at its top level");
        assertThat(errors.render(new ReservedNameException("album/.fileserver-tmp-x"), null))
                .isEqualTo("Error: the archive holds 'album/.fileserver-tmp-x', a name the server reserves");
    }

    @Test
    void anythingElseIsADefectAndSaysOnlyThat() {
        assertThat(errors.render(new IllegalStateException("/srv/data/secret"), "x")).isEqualTo("Error: internal server error");
    }

    private static StorageFailureException failure(Operation operation, String subject, AccessDeniedException cause) {
        return new StorageFailureException(operation, subject, "permission denied", cause);
    }
}
