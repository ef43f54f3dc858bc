package dev.fileserver.server.auth;

import java.util.regex.Pattern;

/**
 * What an account may be called: letters, digits, {@code .}, {@code _} and {@code -}, at most 64,
 * not starting with {@code .} or {@code -}. Such a name is safe as a folder name (it is the default
 * home), in a log line and on a command line.
 */
public final class AccountName {

    public static final int MAX_LENGTH = 64;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private AccountName() {
    }

    public static boolean isValid(String name) {
        return name != null && PLAIN.matcher(name).matches();
    }
}
