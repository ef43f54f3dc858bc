package dev.fileserver.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.client.connection.Capabilities;
import dev.fileserver.client.connection.ConnectionFailedException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.client.progress.CountingStreams;
import dev.fileserver.client.progress.Sizes;
import dev.fileserver.client.progress.TransferProgress;
import dev.fileserver.client.progress.TransferSummary;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FileHeader.Extensions;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.LocalTreeSource;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballSource;
import dev.fileserver.wire.digest.EntryDigests;
import dev.fileserver.wire.digest.HashingInputStream;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.digest.Sha256Pipeline;
import dev.fileserver.wire.digest.Sha256Trailer;

/**
 * {@code /upload [DIR]}: the server names the type of DIR, the client answers {@code y} and sends
 * one file frame (a folder as a gzip tar streamed as it is packed), or {@code error} and the local
 * path when its file cannot be sent. With the {@code ack} extension the server confirms the
 * stored upload; a v1 server sends nothing more.
 * <p>
 * With {@code sha256} the content is hashed as it is read and the digest (a folder's: one per
 * file) follows it, for the server to check before it stores anything. With {@code resume} a file
 * upload asks the server to keep what arrives if the connection is lost, and a resumed one first
 * asks how much was kept: the bytes kept are checked against the local file's by digest, and only
 * the rest is sent.
 */
public final class UploadTransfer {

    private static final String DIRECTORY = "dir";

    private static final String NOT_FOUND = "not_found";

    private static final String RESUME = "resume ";

    /** What the server kept of an upload of this name and size is not the start of this file. */
    private static final long NOT_THIS_FILE = -1;

    private UploadTransfer() {
    }

    /** Uploads the local file or folder {@code local} into the server folder {@code remoteFolder}. */
    public static TransferSummary run(ServerChannel channel, Path local, String remoteFolder,
            TransferProgress progress, boolean resume) throws ClientException {
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
        Capabilities offered = channel.capabilities();
        boolean ack = offered.uploadAck();
        List<String> notes = new ArrayList<>();
        long started = System.nanoTime();
        long sent = Files.isDirectory(source)
                ? sendDirectory(channel, source, ack, offered.sha256(), progress)
                : sendFile(channel, source, name, offered, resume, progress, notes);
        if (ack) {
            String status = channel.receive();
            if (!ServerChannel.OK.equals(status)) {
                throw new RemoteException(status);
            }
            if (offered.sha256()) {
                notes.add("SHA-256 verified by the server");
            }
        }
        String where = "to " + (remoteFolder.isEmpty() ? "the server's root" : "'" + remoteFolder + "'");
        return new TransferSummary(ack ? "Uploaded" : "Sent", name, where, sent,
                Duration.ofNanos(System.nanoTime() - started), notes);
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

    private static long sendFile(ServerChannel channel, Path file, String name, Capabilities offered,
            boolean resume, TransferProgress progress, List<String> notes) throws ClientException {
        InputStream in;
        FileHeader header;
        try {
            header = FileHeader.ofFile(name, PosixModes.read(file, 0644), Files.size(file));
            in = Files.newInputStream(file);
        }
        catch (IOException e) {
            throw refuse(channel, file, e);
        }
        Extensions extensions = Extensions.NONE;
        if (offered.sha256()) {
            extensions = extensions.withSha256Trailer();
        }
        if (offered.resume()) {
            extensions = extensions.withResumable();
        }
        header = header.with(extensions);
        if (offered.uploadAck()) {
            header = header.withAck();
        }
        MessageDigest digest = Sha256.start();
        try {
            long offset = 0;
            if (resume && offered.resume()) {
                offset = resumeFrom(channel, header, in, digest, notes);
                if (offset == NOT_THIS_FILE) {
                    in.close();
                    in = Files.newInputStream(file);
                    digest = Sha256.start();
                    offset = 0;
                }
            }
            else {
                if (resume) {
                    notes.add("nothing to resume: the server does not keep parts of uploads");
                }
                channel.send("y");
            }
            FileHeader sent = offset > 0 ? header.from(offset) : header;
            progress.started(name, sent.fileLen());
            // a server that takes no digest is not sent one, so nothing is hashed for it
            try (Sha256Pipeline pipeline = new Sha256Pipeline(digest);
                    InputStream content = CountingStreams.counting(
                            offered.sha256() ? new HashingInputStream(in, pipeline::update) : in, progress)) {
                channel.files().send(sent, content);
                if (offered.sha256()) {
                    channel.send("sha256 " + pipeline.hex());
                }
            }
            channel.files().flush();
            return sent.fileLen();
        }
        catch (IOException e) {
            ClientException failure = channel.files().failure(e, "cannot read " + file);
            if (offered.resume() && failure instanceof ConnectionFailedException) {
                throw new ConnectionFailedException(failure.getMessage() + "; the server keeps what it received:"
                        + " 'upload --resume' with the same arguments sends only the rest", failure);
            }
            throw failure;
        }
        finally {
            closeQuietly(in);
            progress.finished();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        }
        catch (IOException ignored) {
            // read to the end or given up: nothing more to release
        }
    }

    /**
     * Asks how much of this upload the server kept, and reads as much of the local file, hashing
     * it: if the digests agree the upload goes on from there; {@code in} and {@code digest} have
     * then taken that much. Returns the offset, 0 when nothing was kept, or -1 when what was kept
     * is not the start of this file ({@link #NOT_THIS_FILE}: the caller sends it whole, with no
     * other answer, as the server now waits for the frame).
     */
    private static long resumeFrom(ServerChannel channel, FileHeader header, InputStream in, MessageDigest digest,
            List<String> notes) throws ClientException, IOException {
        channel.send("y resume size=" + header.fileLen() + " name=" + header.fileName());
        String answer = channel.receive();
        String[] words = answer.split(" ");
        if (!answer.startsWith(RESUME) || words.length != 3) {
            throw new RemoteException(answer);
        }
        long kept;
        try {
            kept = Long.parseLong(words[1]);
        }
        catch (NumberFormatException e) {
            throw new RemoteException(answer);
        }
        if (kept <= 0 || kept > header.fileLen()) {
            notes.add("nothing to resume");
            return 0;
        }
        byte[] buffer = new byte[64 * 1024];
        long left = kept;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            digest.update(buffer, 0, read);
            left -= read;
        }
        if (left > 0 || !Sha256.hexSoFar(digest).equals(words[2])) {
            notes.add("started over: the part the server kept is not the start of this file");
            return NOT_THIS_FILE;
        }
        notes.add("resumed at " + Sizes.bytes(kept));
        return kept;
    }

    private static long sendDirectory(ServerChannel channel, Path folder, boolean ack, boolean hashed,
            TransferProgress progress) throws ClientException {
        DirectoryTarball tarball;
        FileHeader header;
        Map<String, String> digests = new LinkedHashMap<>();
        try {
            // a link to a folder is sent as the folder it points to, under that folder's name,
            // since the tarball's top-level entry and the frame's file name must agree
            Path real = folder.toRealPath();
            TarballSource tree = new LocalTreeSource(real, path -> true);
            tarball = DirectoryTarball.of(LocalTreeSource.topName(real),
                    hashed ? EntryDigests.recording(tree, digests) : tree);
            header = FileHeader.ofDirectory(real.getFileName().toString(), PosixModes.read(real, 0755),
                    tarball.length());
        }
        catch (IOException e) {
            throw refuse(channel, folder, e);
        }
        if (hashed) {
            header = header.with(Extensions.NONE.withSha256Trailer());
        }
        channel.send("y");
        channel.files().sendHeader(ack ? header.withAck() : header);
        progress.started(header.fileName(), header.fileLen());
        try (OutputStream out = CountingStreams.counting(channel.files().contentOutput(), progress)) {
            tarball.writeTo(out);
            if (hashed) {
                for (String frame : Sha256Trailer.ofEntries(digests).frames()) {
                    channel.send(frame);
                }
            }
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
