package dev.fileserver.client.connection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.LocalFileException;
import dev.fileserver.wire.EndOfStreamException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.InvalidTextException;
import dev.fileserver.wire.ProtocolException;
import dev.fileserver.wire.Transfer;

/**
 * One TCP connection to a v1 server: the greeting, the optional capability exchange, and the
 * frames of the conversations that follow. It knows frames, not commands.
 */
public final class FileServerConnection implements Closeable {

    public static final String OK = "ok";

    private static final String REJECTED = "Connection rejected";

    private static final int GOODBYE_TIMEOUT_MILLIS = 2000;

    private final ServerAddress address;

    private final Socket socket;

    private final FrameReader reader;

    private final FrameWriter writer;

    private final OutputStream out;

    private final BufferedInputStream socketIn;

    private final ConnectionSettings settings;

    private Capabilities capabilities = Capabilities.NONE;

    private volatile boolean interrupted;

    private FileServerConnection(ServerAddress address, Socket socket, ConnectionSettings settings)
            throws IOException {
        this.address = address;
        this.socket = socket;
        this.settings = settings;
        this.socketIn = new BufferedInputStream(socket.getInputStream(), Transfer.BUFFER_SIZE);
        InputStream in = SocketStreams.input(socketIn, settings.readTimeout());
        this.out = SocketStreams.output(new BufferedOutputStream(socket.getOutputStream(), Transfer.BUFFER_SIZE));
        this.reader = new FrameReader(in, settings.frameLimits());
        this.writer = new FrameWriter(out);
    }

    /** Connects, reads the greeting and, if allowed, asks for the server's extensions. */
    public static FileServerConnection open(ServerAddress address, ConnectionSettings settings)
            throws ConnectionFailedException {
        Socket socket = new Socket();
        FileServerConnection connection = null;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            connection = new FileServerConnection(address, socket, settings);
            connection.greet();
            if (settings.negotiateCapabilities()) {
                connection.negotiate();
            }
            return connection;
        }
        catch (ConnectionFailedException e) {
            closeQuietly(socket);
            throw e;
        }
        catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new ConnectionFailedException("Error: cannot connect to " + address + ": unknown host", e);
        }
        catch (ConnectException e) {
            closeQuietly(socket);
            throw new ConnectionFailedException("Error: cannot connect to " + address + ": connection refused", e);
        }
        catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ConnectionFailedException("Error: cannot connect to " + address + ": no answer within "
                    + settings.connectTimeout().toSeconds() + " s", e);
        }
        catch (IOException e) {
            closeQuietly(socket);
            throw connection == null
                    ? new ConnectionFailedException("Error: cannot connect to " + address + ": " + e.getMessage(), e)
                    : connection.lost(e);
        }
    }

    private void greet() throws IOException, ConnectionFailedException {
        String greeting = reader.readText();
        if (greeting.startsWith(REJECTED)) {
            String reason = greeting.substring(REJECTED.length()).replaceFirst("^[:\\s]+", "");
            throw new ConnectionFailedException("Error: " + address + " rejected the connection"
                    + (reason.isEmpty() ? "" : ": " + reason));
        }
    }

    /** A v1 server answers the unknown command with one {@code ok}: one frame either way. */
    private void negotiate() throws IOException {
        writer.writeText(Capabilities.REQUEST);
        writer.flush();
        capabilities = Capabilities.fromReply(reader.readText());
    }

    public ServerAddress address() {
        return address;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    /**
     * Whether the server hung up while this connection sat idle between requests (its idle timeout,
     * a restart), found out without blocking, so that the next request goes on a new connection
     * instead of failing.
     */
    public boolean closedWhileIdle() {
        if (socket.isClosed()) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            socketIn.mark(1);
            if (socketIn.read() < 0) {
                return true;
            }
            // unexpected bytes between requests: left for the next conversation to trip on
            socketIn.reset();
            return false;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true;
        }
        finally {
            try {
                socket.setSoTimeout((int) settings.readTimeout().toMillis());
            }
            catch (IOException ignored) {
                // closed meanwhile: the next read says so
            }
        }
    }

    /**
     * Sends {@code COMMAND[ ARGUMENT]} and reads the server's check of the argument: {@code ok}, or an
     * error text that ends the request.
     */
    public void request(String command, String argument) throws ClientException {
        send(argument == null || argument.isEmpty() ? command : command + " " + argument);
        String status = receive();
        if (!OK.equals(status)) {
            throw new RemoteException(status);
        }
    }

    public void send(String text) throws ConnectionFailedException {
        try {
            writer.writeText(text);
            writer.flush();
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    public String receive() throws ConnectionFailedException {
        try {
            return reader.readText();
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    public FileHeader receiveFileHeader() throws ConnectionFailedException {
        try {
            return reader.readFileHeader();
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    /** Exactly the content of the file frame whose header was just received. */
    public InputStream content(FileHeader header) {
        return reader.content(header);
    }

    public void sendFileHeader(FileHeader header) throws ConnectionFailedException {
        try {
            writer.writeFileHeader(header);
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    /**
     * Sends a whole file frame, exactly {@code header.fileLen()} bytes of {@code content}. Failures
     * are thrown as they are, for {@link #failure} to tell the connection's from the file's.
     */
    public void sendFile(FileHeader header, InputStream content) throws IOException {
        writer.writeFile(header, content);
    }

    /** Where a file frame's content goes after {@link #sendFileHeader}; {@link #flush()} when done. */
    public OutputStream contentOutput() {
        return out;
    }

    public void flush() throws ConnectionFailedException {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    /**
     * Turns a failure while copying between this connection and a local file into the right
     * complaint: the connection's own failures end it, anything else is about the local file.
     */
    public ClientException failure(IOException e, String localContext) {
        if (isConnectionFailure(e)) {
            return lost(e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new LocalFileException("Error: " + localContext + ": " + reason, e, false);
    }

    static boolean isConnectionFailure(IOException e) {
        return e instanceof SocketStreams.LinkBrokenException || e instanceof ProtocolException
                || e instanceof EndOfStreamException || e instanceof InvalidTextException;
    }

    private ConnectionFailedException lost(IOException e) {
        closeQuietly(socket);
        if (interrupted) {
            return new ConnectionFailedException("Error: interrupted; the connection to " + address
                    + " was closed and the next command opens a new one", e);
        }
        String reason;
        if (e instanceof EndOfStreamException) {
            reason = "connection closed by the server";
        }
        else if (e instanceof ProtocolException) {
            reason = "the server broke the protocol: " + e.getMessage().replaceFirst("^Error: ", "");
        }
        else {
            reason = e.getMessage();
        }
        return new ConnectionFailedException("Error: lost the connection to " + address + " (" + reason + ")", e);
    }

    /**
     * Ends the session as a v1 client does ({@code /exit}, then {@code y}) and closes. A server that
     * does not answer quickly is not waited for: leaving must not hang.
     */
    public void goodbye() {
        try {
            socket.setSoTimeout(GOODBYE_TIMEOUT_MILLIS);
            request("/exit", null);
            send("y");
        }
        catch (IOException | ClientException ignored) {
            // the server may already be gone; closing is all that is left either way
        }
        finally {
            closeQuietly(socket);
        }
    }

    /** Cuts the connection from another thread; what was blocked on it fails as interrupted. */
    public void interrupt() {
        interrupted = true;
        closeQuietly(socket);
    }

    /** Closes the socket at once. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // nothing left to release
        }
    }
}
