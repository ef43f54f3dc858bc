package dev.fileserver.client.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.client.RemotePaths;
import dev.fileserver.client.connection.Capabilities;
import dev.fileserver.client.connection.ConfirmationTurn;
import dev.fileserver.client.connection.ConnectionFailedException;
import dev.fileserver.client.connection.FileFrames;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.client.download.PartialDownload.Held;
import dev.fileserver.client.progress.CountingStreams;
import dev.fileserver.client.progress.Sizes;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.progress.TransferSummary;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.ExtractionSink;
import dev.fileserver.wire.archive.LocalFolderSink;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.UnsafeArchiveException;
import dev.fileserver.wire.digest.EntryDigests;
import dev.fileserver.wire.digest.EntryDigests.Mismatch;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.digest.Sha256Pipeline;
import dev.fileserver.wire.digest.Sha256Trailer;
import dev.fileserver.wire.digest.TrailerReader;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * {@code /download PATH}: the server names the type ({@code file}, {@code dir} or
 * {@code not_found}), the client answers {@code y} or {@code n}, and on {@code y} one file frame
 * follows. The content is streamed to a hidden temporary file beside the target and renamed into
 * place only when complete; a directory's tarball is unpacked into a hidden staging folder first,
 * so a failed or refused download never leaves anything under the final name.
 * <p>
 * With a server that offers {@code sha256}, the content is hashed as it arrives and checked
 * against the server's trailer before anything is put in place. With {@code resume}, a file's
 * temporary is a partial kept when the connection is lost; the next download of the same path
 * asks only for the rest, if the server still has that version of the file, and hashes the bytes
 * it held first so that the whole file is checked.
 */
public final class DownloadTransfer {

    private static final String FILE = "file";

    private static final String DIRECTORY = "dir";

    private static final String NOT_FOUND = "not_found";

    private final TarballLimits limits;

    public DownloadTransfer(TarballLimits limits) {
        this.limits = limits;
    }

    /**
     * Downloads {@code remotePath} into the existing folder {@code localFolder};
     * {@code overwrite} is asked before an existing local file or folder is replaced. A partial
     * left by an earlier attempt is resumed whether or not {@code resume} is asked.
     */
    public TransferSummary run(ServerChannel channel, String remotePath, Path localFolder,
            Confirmation overwrite, TransferProgress progress, boolean resume) throws ClientException {
        Path folder = existingFolder(localFolder);
        channel.request("/download", remotePath);
        String type = channel.receive();
        if (NOT_FOUND.equals(type)) {
            throw new RemoteException(channel.receive());
        }
        if (!FILE.equals(type) && !DIRECTORY.equals(type)) {
            throw new RemoteException(type);
        }
        Capabilities offered = channel.capabilities();
        String baseName = RemotePaths.baseName(remotePath);
        PartialDownload partial = FILE.equals(type) && offered.resume() && RemotePaths.isSafeBaseName(baseName)
                ? PartialDownload.of(folder, baseName, remotePath) : null;
        Held held = partial == null ? null : partial.held();
        String yes = "y" + (offered.sha256() ? " digest=sha256" : "")
                + (held != null ? " offset=" + held.length() + " if=" + held.version() : "");
        String confirmed = confirmOverwrite(channel, folder, baseName, overwrite, yes);
        FileHeader header = channel.files().receiveHeader();
        String name = header.compressed() ? header.directoryName() : header.fileName();
        List<String> notes = new ArrayList<>();
        long offset = header.extensions().offset();
        if (held != null && offset == 0) {
            notes.add("started over: it changed on the server since the partial download");
        }
        else if (offset > 0) {
            notes.add("resumed at " + Sizes.bytes(offset));
        }
        else if (resume) {
            notes.add("nothing to resume");
        }
        long started = System.nanoTime();
        Received received = receive(channel, header, folder, name, partial, progress);
        try {
            Path target = checkedTarget(folder, name, confirmed);
            if (header.compressed()) {
                landDirectory(received, folder, name, target);
            }
            else {
                checkFile(received, name);
                PosixModes.apply(received.file(), header.accessBits());
                LocalFiles.moveIntoPlace(received.file(), target);
            }
            if (received.trailer() != null) {
                notes.add("SHA-256 verified");
            }
            return new TransferSummary("Downloaded", name, "to " + target, header.fileLen(),
                    Duration.ofNanos(System.nanoTime() - started), notes);
        }
        catch (IOException e) {
            throw new LocalFileException("Error: cannot put '" + name + "' in place in " + folder + ": "
                    + e.getMessage(), e, true);
        }
        finally {
            RecursiveDelete.deleteQuietly(received.file());
            if (partial != null) {
                partial.discard();
            }
        }
    }

    private static Path existingFolder(Path localFolder) throws LocalFileException {
        if (!Files.isDirectory(localFolder)) {
            throw new LocalFileException("Error: local folder '" + localFolder + "' does not exist", true);
        }
        return localFolder.toAbsolutePath().normalize();
    }

    /**
     * Answers the server: {@code yes} at once when nothing local is in the way, else after asking.
     * Returns the name the user agreed to replace, if any.
     */
    private static String confirmOverwrite(ServerChannel channel, Path folder, String name,
            Confirmation overwrite, String yes) throws ClientException {
        if (!RemotePaths.isSafeBaseName(name) || !Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            channel.send(yes);
            return null;
        }
        Path existing = folder.resolve(name);
        String question = Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)
                ? "Overwrite local directory '" + existing + "' and everything in it?"
                : "Overwrite local file '" + existing + "'?";
        ConfirmationTurn.answer(channel, overwrite, question,
                "Download cancelled: '" + existing + "' was left as it was.", yes);
        return name;
    }

    /**
     * Streams the frame's content to a hidden file in {@code folder} (the partial, for a resumable
     * file), hashing it when a trailer follows, then reads the trailer. On failure nothing is left,
     * but a partial whose connection was lost, which is kept to be resumed.
     */
    private Received receive(ServerChannel channel, FileHeader header, Path folder, String name,
            PartialDownload partial, TransferProgress progress) throws ClientException {
        long offset = header.extensions().offset();
        boolean hashed = header.extensions().sha256Trailer();
        MessageDigest held = Sha256.start();
        Path temporary;
        try {
            temporary = partial != null ? partial.file() : temporaryIn(folder, name);
            if (partial != null) {
                partial.begin(header.extensions().version());
            }
            if (hashed && offset > 0) {
                hashHeld(temporary, offset, held);
            }
        }
        catch (IOException e) {
            if (partial != null) {
                partial.discard();
            }
            throw channel.files().failure(e, "cannot prepare a temporary file in " + folder);
        }
        progress.started(name, header.fileLen());
        Sha256Pipeline digest = hashed ? new Sha256Pipeline(held) : null;
        try (InputStream content = CountingStreams.counting(channel.files().content(header), progress);
                OutputStream out = offset > 0
                        ? Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : Files.newOutputStream(temporary)) {
            byte[] buffer = new byte[FileFrames.CHUNK_BYTES];
            int read;
            while ((read = content.read(buffer)) >= 0) {
                if (digest != null) {
                    digest.update(buffer, 0, read);
                }
                out.write(buffer, 0, read);
            }
        }
        catch (IOException e) {
            if (digest != null) {
                digest.close();
            }
            throw lost(channel.files().failure(e, "cannot write " + temporary), temporary, partial);
        }
        finally {
            progress.finished();
        }
        Sha256Trailer trailer = null;
        if (hashed) {
            try {
                trailer = readTrailer(channel);
            }
            catch (ClientException e) {
                digest.close();
                throw lost(e, temporary, partial);
            }
        }
        return new Received(temporary, digest == null || header.compressed() && trailer.isPerEntry() ? null
                : digest.hex(), trailer);
    }

    /** A partial whose connection was lost is kept, and the user told how to go on; anything else goes. */
    private static ClientException lost(ClientException failure, Path temporary, PartialDownload partial) {
        if (partial != null && failure instanceof ConnectionFailedException) {
            long held = temporary.toFile().length();
            return new ConnectionFailedException(failure.getMessage() + "; the " + Sizes.bytes(held)
                    + " received are kept: the same download resumes from there", failure);
        }
        RecursiveDelete.deleteQuietly(temporary);
        if (partial != null) {
            partial.discard();
        }
        return failure;
    }

    private Sha256Trailer readTrailer(ServerChannel channel) throws ClientException {
        TrailerReader reader = new TrailerReader(limits.maxEntries());
        try {
            Sha256Trailer trailer = null;
            while (trailer == null) {
                trailer = reader.accept(channel.receive());
            }
            return trailer;
        }
        catch (IOException e) {
            throw channel.files().failure(e, "reading the digests");
        }
    }

    private static Path temporaryIn(Path folder, String name) throws IOException {
        Path temporary = Files.createTempFile(folder, "." + hiddenStem(name) + ".", ".part");
        // a run stopped mid-transfer (Ctrl-C in a script) takes its temporary file with it
        temporary.toFile().deleteOnExit();
        return temporary;
    }

    /** The bytes held from an earlier attempt are part of the file the trailer's digest covers. */
    private static void hashHeld(Path partial, long length, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(partial)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            long left = length;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                digest.update(buffer, 0, read);
                left -= read;
            }
            if (left > 0) {
                throw new IOException("the partial download is shorter than it was");
            }
        }
    }

    private static void checkFile(Received received, String name) throws LocalFileException {
        if (received.trailer() == null) {
            return;
        }
        if (received.trailer().isPerEntry() || !received.trailer().whole().equals(received.sha256())) {
            throw new LocalFileException("Error: '" + name + "' arrived with SHA-256 " + received.sha256()
                    + " but the server sent " + (received.trailer().isPerEntry() ? "one digest per file"
                    : received.trailer().whole()) + "; nothing was saved", true);
        }
    }

    /** Checked only once the frame is consumed, so a refusal leaves the connection usable. */
    private static Path checkedTarget(Path folder, String name, String confirmed) throws LocalFileException {
        if (!RemotePaths.isSafeBaseName(name)) {
            throw new LocalFileException("Error: the server sent a file named '" + name
                    + "', which is not a plain file name; nothing was saved", true);
        }
        Path target = folder.resolve(name);
        if (!name.equals(confirmed) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new LocalFileException("Error: the server sent '" + name + "', which already exists in "
                    + folder + "; it was not replaced", true);
        }
        return target;
    }

    /** Unpacks into a hidden staging folder, checks every file's digest when the server sent them, then swaps in. */
    private void landDirectory(Received received, Path folder, String name, Path target)
            throws IOException, LocalFileException {
        Sha256Trailer trailer = received.trailer();
        if (trailer != null && !trailer.isPerEntry()) {
            checkFile(received, name);
        }
        Path staging = Files.createTempDirectory(folder, "." + hiddenStem(name) + ".staging-");
        try {
            List<String> topLevel;
            Map<String, String> arrived = new HashMap<>();
            try (InputStream in = Files.newInputStream(received.file())) {
                ExtractionSink sink = new LocalFolderSink(staging);
                boolean perEntry = trailer != null && trailer.isPerEntry();
                topLevel = new TarballExtractor(limits).extract(in, perEntry ? EntryDigests.recording(sink, arrived) : sink);
                if (perEntry) {
                    checkEntries(name, trailer.entries(), arrived);
                }
            }
            catch (UnsafeArchiveException e) {
                throw new LocalFileException(e.getMessage() + "; nothing was saved", e, true);
            }
            Path extracted = topLevel.size() == 1 ? staging.resolve(topLevel.get(0)) : null;
            if (extracted == null || !Files.isDirectory(extracted, LinkOption.NOFOLLOW_LINKS)) {
                throw new LocalFileException("Error: the tarball for '" + name
                        + "' does not hold exactly one folder; nothing was saved", true);
            }
            LocalFiles.moveIntoPlace(extracted, target);
        }
        finally {
            RecursiveDelete.deleteQuietly(staging);
        }
    }

    private static void checkEntries(String folder, Map<String, String> announced, Map<String, String> arrived)
            throws LocalFileException {
        Mismatch mismatch = EntryDigests.firstMismatch(announced, arrived).orElse(null);
        if (mismatch == null) {
            return;
        }
        String what = "'" + mismatch.name() + "' in '" + folder + "'";
        String problem = mismatch.announced() == null ? what + " arrived but the server sent no digest for it"
                : mismatch.arrived() == null ? what + " did not arrive"
                : what + " arrived with SHA-256 " + mismatch.arrived() + " but the server sent " + mismatch.announced();
        throw new LocalFileException("Error: " + problem + "; nothing was saved", true);
    }

    /** Temporary names start with the target's name, cut short and without separators. */
    static String hiddenStem(String name) {
        String stem = name.replaceAll("[/\\\\\0]", "_");
        return stem.length() > 64 ? stem.substring(0, 64) : stem;
    }

    /**
     * A frame's content on disk; {@code sha256} its digest (null when not hashed, or checked per
     * file), {@code trailer} what the server sent (null without one).
     */
    private record Received(Path file, String sha256, Sha256Trailer trailer) {
    }
}
