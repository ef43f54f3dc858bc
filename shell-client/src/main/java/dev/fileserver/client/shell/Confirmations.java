package dev.fileserver.client.shell;

import java.util.Locale;

import org.springframework.shell.core.InputReader;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.tls.ServerTls;
import dev.fileserver.client.tls.TrustSettings;

/** Confirmation by asking the person at the terminal, unless {@code --yes} already said yes. */
final class Confirmations {

    private Confirmations() {
    }

    static Confirmation of(boolean yes, InputReader reader) {
        if (yes) {
            return Confirmation.YES;
        }
        return question -> {
            String answer;
            try {
                answer = reader.readInput(question + " [y/N] ");
            }
            catch (NoOneToAskException e) {
                throw new NoOneToAskException(question);
            }
            catch (ClientException e) {
                throw e;
            }
            catch (Exception e) {
                // end of input or an interrupt while asking: not a yes
                return false;
            }
            String word = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            return word.equals("y") || word.equals("yes");
        };
    }

    /**
     * Asks whether to trust a TLS server seen for the first time, as ssh asks about a new host key;
     * with no terminal the answer is no, and the refusal says how to trust it another way.
     */
    static TrustSettings.FirstUseQuestion firstUse(ClientSession session, InputReader reader) {
        return (server, fingerprint) -> {
            try {
                return of(false, reader).confirm(
                        ServerTls.firstUseQuestion(server, fingerprint, session.settings().trust().knownHosts()));
            }
            catch (NoOneToAskException e) {
                return false;
            }
        };
    }

    /** Thrown instead of an answer when there is no terminal to ask on. */
    static final class NoOneToAskException extends ClientException {

        NoOneToAskException(String question) {
            super("Error: not confirmed (" + question + "): no terminal to ask on; add --yes to proceed", null,
                    FAILED, true);
        }
    }
}
