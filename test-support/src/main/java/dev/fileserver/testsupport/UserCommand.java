package dev.fileserver.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server jar's own account command ({@code java -jar server.jar user ...}), run as an operator
 * runs it, with {@code stdin} piped in (a password line, say).
 */
public final class UserCommand {

    private static final Pattern TOKEN = Pattern.compile("fst_[0-9a-f]{8}_[A-Za-z0-9_-]+");

    private UserCommand() {
    }

    /** Runs {@code user WORDS...} on {@code usersFile}; what it printed, or an exception if it failed. */
    public static String run(Path serverJar, Path usersFile, String stdin, String... words)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", serverJar.toString(), "user"));
        command.addAll(List.of(words));
        command.add("--fileserver.auth.users-file=" + usersFile);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Adds an API token to {@code user}'s account; the token, as the command printed it once. */
    public static String addToken(Path serverJar, Path usersFile, String user) throws IOException, InterruptedException {
        String output = run(serverJar, usersFile, "", "token", "add", user);
        Matcher token = TOKEN.matcher(output);
        if (!token.find()) {
            throw new IOException("'user token add' printed no token:\n" + output);
        }
        return token.group();
    }
}
