package dev.fileserver.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.client.progress.CountingStreams;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.progress.TransferSummary;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.PosixModes;

/**
 * {@code /upload [DIR]}: the server names the type of DIR, the client answers {@code y} and sends
 * one file frame (a folder as a gzip tar streamed as it is packed), or {@code error} and the local
 * path when its file cannot be sent. With the {@code ack} extension the server confirms the
 * stored upload; a v1 server sends nothing more.
 */
public final class UploadTransfer {

    private static final String DIRECTORY = "dir";

    private static final String NOT_FOUND = "not_found";

    private UploadTransfer() {
    }

    /** Uploads the local file or folder {@code local} into the server folder {@code remoteFolder}. */
    public static TransferSummary run(ServerChannel channel, Path local, String remoteFolder,
            TransferProgress progress) throws ClientException {
        Path source = existingSource(local);
        String name = source.getFileName().toString();
        channel.request("/upload", remoteFolder);
        String type = channel.receive();
        if (NOT_FOUND.equals(type)) {
            throw new RemoteException(channel.receive());
        }
        if (!DIRECTORY.equals(type)) {
            if ("file".equals(type)) {
                channel.send("n");
                throw new RemoteException("Error: '" + remoteFolder + "' is not a directory");
            }
            throw new RemoteException(type);
        }
        boolean ack = channel.capabilities().uploadAck();
        long started = System.nanoTime();
        long sent = Files.isDirectory(source)
                ? sendDirectory(channel, source, name, ack, progress)
                : sendFile(channel, source, name, ack, progress);
        if (ack) {
            String status = channel.receive();
            if (!ServerChannel.OK.equals(status)) {
                throw new RemoteException(status);
            }
        }
        String where = "to " + (remoteFolder.isEmpty() ? "the server's root" : "'" + remoteFolder + "'");
        return new TransferSummary(ack ? "Uploaded" : "Sent", name, where, sent,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Path existingSource(Path local) throws LocalFileException {
        Path absolute = local.toAbsolutePath().normalize();
        if (!Files.exists(absolute) || absolute.getFileName() == null) {
            throw new LocalFileException("Error: local file '" + local + "' not found", true);
        }
        if (!Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
            throw new LocalFileException("Error: '" + local + "' is neither a file nor a folder", true);
        }
        return absolute;
    }

    private static long sendFile(ServerChannel channel, Path file, String name, boolean ack,
            TransferProgress progress) throws ClientException {
        InputStream in;
        FileHeader header;
        try {
            header = FileHeader.ofFile(name, PosixModes.read(file, 0644), Files.size(file));
            in = Files.newInputStream(file);
        }
        catch (IOException e) {
            throw refuse(channel, file, e);
        }
        try (InputStream content = CountingStreams.counting(in, progress)) {
            channel.send("y");
            progress.started(name, header.fileLen());
            channel.files().send(ack ? header.withAck() : header, content);
            channel.files().flush();
            return header.fileLen();
        }
        catch (IOException e) {
            throw channel.files().failure(e, "cannot read " + file);
        }
        finally {
            progress.finished();
        }
    }

    private static long sendDirectory(ServerChannel channel, Path folder, String name, boolean ack,
            TransferProgress progress) throws ClientException {
        DirectoryTarball tarball;
        FileHeader header;
        try {
            // a link to a folder is sent as the folder it points to, under that folder's name,
            // since the tarball's top-level entry and the frame's file name must agree
            Path real = folder.toRealPath();
            tarball = DirectoryTarball.scan(real, path -> true);
            header = FileHeader.ofDirectory(real.getFileName().toString(), PosixModes.read(real, 0755),
                    tarball.length());
        }
        catch (IOException e) {
            throw refuse(channel, folder, e);
        }
        channel.send("y");
        channel.files().sendHeader(ack ? header.withAck() : header);
        progress.started(header.fileName(), header.fileLen());
        try (OutputStream out = CountingStreams.counting(channel.files().contentOutput(), progress)) {
            tarball.writeTo(out);
            channel.files().flush();
            return header.fileLen();
        }
        catch (IOException e) {
            throw channel.files().failure(e, "cannot send " + folder);
        }
        finally {
            progress.finished();
        }
    }

    /** v1: a client that cannot send its file says {@code error}, then the path, and the request ends. */
    private static ClientException refuse(ServerChannel channel, Path local, IOException e) {
        try {
            channel.send("error");
            channel.send(local.toString());
        }
        catch (ClientException lost) {
            return lost;
        }
        String reason = e instanceof NoSuchFileException ? "not found" : e.getMessage();
        return new LocalFileException("Error: cannot read '" + local + "': " + reason, e, true);
    }
}
