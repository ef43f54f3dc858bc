package dev.fileserver.client.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.client.RemotePaths;
import dev.fileserver.client.connection.ConfirmationTurn;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.client.progress.CountingStreams;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.progress.TransferSummary;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.UnsafeArchiveException;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * {@code /download PATH}: the server names the type ({@code file}, {@code dir} or
 * {@code not_found}), the client answers {@code y} or {@code n}, and on {@code y} one file frame
 * follows. The content is streamed to a hidden temporary file beside the target and renamed into
 * place only when complete; a directory's tarball is unpacked into a hidden staging folder first,
 * so a failed or refused download never leaves anything under the final name.
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
     * {@code overwrite} is asked before an existing local file or folder is replaced.
     */
    public TransferSummary run(ServerChannel channel, String remotePath, Path localFolder,
            Confirmation overwrite, TransferProgress progress) throws ClientException {
        Path folder = existingFolder(localFolder);
        channel.request("/download", remotePath);
        String type = channel.receive();
        if (NOT_FOUND.equals(type)) {
            throw new RemoteException(channel.receive());
        }
        if (!FILE.equals(type) && !DIRECTORY.equals(type)) {
            throw new RemoteException(type);
        }
        String confirmed = confirmOverwrite(channel, folder, RemotePaths.baseName(remotePath), overwrite);
        FileHeader header = channel.files().receiveHeader();
        String name = header.compressed() ? header.directoryName() : header.fileName();
        long started = System.nanoTime();
        Path received = receive(channel, header, folder, name, progress);
        try {
            Path target = checkedTarget(folder, name, confirmed);
            if (header.compressed()) {
                landDirectory(received, folder, name, target);
            }
            else {
                PosixModes.apply(received, header.accessBits());
                LocalFiles.moveIntoPlace(received, target);
            }
            return new TransferSummary("Downloaded", name, "to " + target, header.fileLen(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        catch (IOException e) {
            throw new LocalFileException("Error: cannot put '" + name + "' in place in " + folder + ": "
                    + e.getMessage(), e, true);
        }
        finally {
            RecursiveDelete.deleteQuietly(received);
        }
    }

    private static Path existingFolder(Path localFolder) throws LocalFileException {
        if (!Files.isDirectory(localFolder)) {
            throw new LocalFileException("Error: local folder '" + localFolder + "' does not exist", true);
        }
        return localFolder.toAbsolutePath().normalize();
    }

    /**
     * Answers the server: {@code y} at once when nothing local is in the way, else after asking.
     * Returns the name the user agreed to replace, if any.
     */
    private static String confirmOverwrite(ServerChannel channel, Path folder, String name,
            Confirmation overwrite) throws ClientException {
        if (!RemotePaths.isSafeBaseName(name) || !Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            channel.send("y");
            return null;
        }
        Path existing = folder.resolve(name);
        String question = Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)
                ? "Overwrite local directory '" + existing + "' and everything in it?"
                : "Overwrite local file '" + existing + "'?";
        ConfirmationTurn.answer(channel, overwrite, question,
                "Download cancelled: '" + existing + "' was left as it was.");
        return name;
    }

    /** Streams the frame's content to a hidden file in {@code folder}; on failure nothing is left. */
    private static Path receive(ServerChannel channel, FileHeader header, Path folder, String name,
            TransferProgress progress) throws ClientException {
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + hiddenStem(name) + ".", ".part");
            // a run stopped mid-transfer (Ctrl-C in a script) takes its temporary file with it
            temporary.toFile().deleteOnExit();
        }
        catch (IOException e) {
            throw channel.files().failure(e, "cannot create a temporary file in " + folder);
        }
        progress.started(name, header.fileLen());
        try (InputStream content = CountingStreams.counting(channel.files().content(header), progress);
                OutputStream out = Files.newOutputStream(temporary)) {
            Transfer.copy(content, out);
            return temporary;
        }
        catch (IOException e) {
            RecursiveDelete.deleteQuietly(temporary);
            throw channel.files().failure(e, "cannot write " + temporary);
        }
        finally {
            progress.finished();
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

    private void landDirectory(Path tarball, Path folder, String name, Path target)
            throws IOException, LocalFileException {
        Path staging = Files.createTempDirectory(folder, "." + hiddenStem(name) + ".staging-");
        try {
            List<String> topLevel;
            try (InputStream in = Files.newInputStream(tarball)) {
                topLevel = new TarballExtractor(limits).extract(in, staging);
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

    /** Temporary names start with the target's name, cut short and without separators. */
    private static String hiddenStem(String name) {
        String stem = name.replaceAll("[/\\\\\0]", "_");
        return stem.length() > 64 ? stem.substring(0, 64) : stem;
    }
}
