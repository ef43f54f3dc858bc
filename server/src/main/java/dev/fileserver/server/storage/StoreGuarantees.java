package dev.fileserver.server.storage;

/**
 * The promises a backend makes beyond those every {@link FileStore} keeps. A backend declares the
 * weaker form where its store cannot do better, and the contract test checks exactly what it declares.
 *
 * @param atomicFolderReplace a folder upload over an existing folder is seen by readers as the old
 *                            tree or the new one, never a mix (local disk: two renames and a note
 *                            that undoes a crash between them). False on S3, which cannot rename: a
 *                            folder is staged whole, then published by copying, so readers may see old
 *                            and new files side by side while it is published, or after a publish cut
 *                            short; a refused or abandoned upload still leaves the old folder as it was
 * @param symbolicLinks       links may exist in the store; they are listed but never followed out of
 *                            the root, and a folder download leaves them out (false on S3: an object
 *                            store has none, and an uploaded folder holding one is refused)
 * @param atomicRename        {@link FileStore#rename} is one step: readers see the old name or the
 *                            new one, never both or neither (local disk: one rename; an object
 *                            store that copies then deletes declares false, and clients are told)
 * @param keptParts           a resumable upload cut midway is kept under its {@link PartKey} until
 *                            resumed or expired ({@link FileStore#keptLength}); false for a backend that
 *                            keeps nothing, or when {@code fileserver.resume.keep-for} is 0
 */
public record StoreGuarantees(boolean atomicFolderReplace, boolean symbolicLinks, boolean atomicRename,
        boolean keptParts) {

    /** A backend that does not say how it renames or whether it keeps parts: not atomically, and none. */
    public StoreGuarantees(boolean atomicFolderReplace, boolean symbolicLinks) {
        this(atomicFolderReplace, symbolicLinks, false, false);
    }
}
