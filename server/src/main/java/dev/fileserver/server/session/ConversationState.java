package dev.fileserver.server.session;

/**
 * Where one connection's conversation stands. The v1 dialect has several turns per command (a
 * request, its type, the client's {@code y}/{@code n}, maybe a file frame); each turn's state is
 * one of these, and the only code that decides what a frame means in which state is the
 * conversation's switch. Every state has a way out: {@link #end()} is called however the
 * connection ends (closed by either side, timed out, failed), and releases what the state holds.
 */
public sealed interface ConversationState {

    ConversationState IDLE = new Idle();

    /** Whether the next frame on the wire is a file frame rather than a text frame. */
    default boolean awaitsFile() {
        return false;
    }

    /** Whether a transfer is under way, which a graceful shutdown waits for. */
    default boolean isTransferring() {
        return false;
    }

    /** Releases what this state holds; called once when the connection ends in it. */
    default void end() {
    }

    /** Waiting for a request. */
    record Idle() implements ConversationState {
    }

    /** The last reply asked the client something; its next text frame is the answer. */
    record AwaitingAnswer(PendingAnswer pending) implements ConversationState {
    }

    /**
     * After {@code /upload}, the client said {@code error}: it could not read its local file and
     * names it in one more frame, which is read and ignored.
     */
    record AwaitingLocalPath() implements ConversationState {
    }

    /**
     * {@code /login NAME} was answered {@code password}: the next text frame is the secret, read
     * once and never logged nor kept.
     */
    record AwaitingSecret(String name) implements ConversationState {
    }

    /** The client said {@code y} to an upload; the next frame is a file frame for {@code target}. */
    record AwaitingFile(FileTarget target) implements ConversationState {

        @Override
        public boolean awaitsFile() {
            return true;
        }

        @Override
        public boolean isTransferring() {
            return true;
        }
    }

    /** A file frame's content is arriving; if the connection ends first, the transfer is aborted. */
    record Receiving(FileTarget target, Abortable transfer) implements ConversationState {

        @Override
        public boolean isTransferring() {
            return true;
        }

        @Override
        public void end() {
            transfer.abort();
        }
    }

    /**
     * A file frame's content has arrived, and the digest trailer its header announced is due: text
     * frames until it is whole, then the upload is checked and committed. If the connection ends
     * first, the transfer is aborted (a resumable upload keeps what arrived).
     */
    record AwaitingTrailer(Abortable transfer) implements ConversationState {

        @Override
        public boolean isTransferring() {
            return true;
        }

        @Override
        public void end() {
            transfer.abort();
        }
    }

    /** The conversation is over; the connection closes once the last reply has been sent. */
    record Closing() implements ConversationState {
    }

    /** A question put to the client, and what each answer leads to. */
    interface PendingAnswer {

        Outcome answer(String text);

        /** The path the question is about, as the client named it, for the words of an error. */
        String clientPath();
    }

    /** Where an expected file frame goes. */
    interface FileTarget {
    }

    /**
     * Work under way that must leave nothing visible behind if the connection ends (an upload that
     * asked to be resumable keeps its part, out of sight, for a while).
     */
    interface Abortable {

        void abort();
    }
}
