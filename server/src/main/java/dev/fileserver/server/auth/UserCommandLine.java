package dev.fileserver.server.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar server.jar user ...}: adds, changes and removes accounts and their API tokens in
 * the users file the server reads, without starting the server. Exit codes: 0 done, 1 refused (no
 * such account, passwords that differ, a file that cannot be written), 2 a command line that is not
 * one of these.
 */
public final class UserCommandLine {

    static final int OK = 0;

    static final int REFUSED = 1;

    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join("\n",
            "usage: user add NAME [--home DIR] [--read-only]",
            "       user remove NAME",
            "       user list",
            "       user token add NAME [--label TEXT]",
            "       user token list NAME",
            "       user token remove NAME ID",
            "Settings as for the server (--fileserver.auth.users-file=FILE, --spring.profiles.active=...).");

    private final InputStream in;

    private final PrintStream out;

    private final PrintStream err;

    private final Console console;

    private final Function<List<String>, Path> locator;

    UserCommandLine(InputStream in, PrintStream out, PrintStream err, Console console,
            Function<List<String>, Path> locator) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
        this.locator = locator;
    }

    /** The command line as the server jar runs it: the process's terminal, stdin and outputs. */
    public static int run(String... args) {
        return new UserCommandLine(System.in, System.out, System.err, System.console(), UsersFileLocation::find)
                .execute(args);
    }

    /** {@code args} begins with {@code user}. */
    int execute(String... args) {
        List<String> words = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        String home = null;
        String label = null;
        boolean readOnly = false;
        List<String> given = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < given.size(); i++) {
            String arg = given.get(i);
            if (arg.equals("--read-only")) {
                readOnly = true;
            }
            else if ((arg.equals("--home") || arg.equals("--label")) && i + 1 < given.size()) {
                if (arg.equals("--home")) {
                    home = given.get(++i);
                }
                else {
                    label = given.get(++i);
                }
            }
            else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            }
            else if (arg.startsWith("-")) {
                return usage("unknown option " + arg);
            }
            else {
                words.add(arg);
            }
        }
        Command command = Command.of(words);
        if (command == null) {
            return usage(null);
        }
        if (command.needsName() && !AccountName.isValid(words.get(command.nameAt()))) {
            err.println("user: '" + words.get(command.nameAt()) + "' is not an account name: letters, digits, '.', '_'"
                    + " and '-', at most " + AccountName.MAX_LENGTH + ", not starting with '.' or '-'");
            return REFUSED;
        }
        Path file = locator.apply(settings);
        if (file == null) {
            err.println("user: fileserver.auth.users-file is not set (in application.yml, a profile, or"
                    + " --fileserver.auth.users-file=FILE)");
            return REFUSED;
        }
        try (UsersFile.Lock lock = UsersFile.lock(file)) {
            UsersFile users = UsersFile.read(file);
            return switch (command) {
                case ADD -> add(file, users, words.get(1), home, readOnly);
                case REMOVE -> remove(file, users, words.get(1));
                case LIST -> list(users);
                case TOKEN_ADD -> addToken(file, users, words.get(2), label);
                case TOKEN_LIST -> listTokens(users, words.get(2));
                case TOKEN_REMOVE -> removeToken(file, users, words.get(2), words.get(3));
            };
        }
        catch (IOException e) {
            err.println("user: " + e.getMessage());
            return REFUSED;
        }
    }

    private int add(Path file, UsersFile users, String name, String home, boolean readOnly) throws IOException {
        String password = password(name);
        if (password == null) {
            return REFUSED;
        }
        StoredAccount before = users.get(name);
        StoredAccount account = new StoredAccount(new PasswordHashes().hash(password), home, readOnly,
                before == null ? List.of() : before.tokens());
        users.with(name, account).write(file);
        out.println((before == null ? "added " : "changed ") + name + " (" + (readOnly ? "read-only" : "read-write")
                + ", home " + (home == null ? name + " under the served root" : home) + ") in " + file);
        return OK;
    }

    private int remove(Path file, UsersFile users, String name) throws IOException {
        if (users.get(name) == null) {
            return noSuchAccount(name, file);
        }
        users.without(name).write(file);
        out.println("removed " + name + " from " + file);
        return OK;
    }

    private int list(UsersFile users) {
        users.users().forEach((name, account) -> out.println(name + " " + (account.readOnly() ? "read-only" : "read-write")
                + " home=" + (account.home() == null ? name : account.home()) + " tokens=" + account.tokens().size()));
        return OK;
    }

    private int addToken(Path file, UsersFile users, String name, String label) throws IOException {
        StoredAccount account = users.get(name);
        if (account == null) {
            return noSuchAccount(name, file);
        }
        ApiToken token = ApiToken.generate();
        List<StoredToken> tokens = new ArrayList<>(account.tokens());
        tokens.add(new StoredToken(token.id(), label == null ? "" : label, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                ApiToken.hash(token.text())));
        users.with(name, account.withTokens(tokens)).write(file);
        // the token itself is shown this once and kept nowhere
        out.println(token.text());
        return OK;
    }

    private int listTokens(UsersFile users, String name) {
        StoredAccount account = users.get(name);
        if (account == null) {
            err.println("user: no account " + name);
            return REFUSED;
        }
        account.tokens().forEach(token -> out.println(token.id() + " " + token.created() + " " + token.label()));
        return OK;
    }

    private int removeToken(Path file, UsersFile users, String name, String id) throws IOException {
        StoredAccount account = users.get(name);
        if (account == null) {
            return noSuchAccount(name, file);
        }
        List<StoredToken> kept = account.tokens().stream().filter(token -> !token.id().equals(id)).toList();
        if (kept.size() == account.tokens().size()) {
            err.println("user: " + name + " has no token " + id);
            return REFUSED;
        }
        users.with(name, account.withTokens(kept)).write(file);
        out.println("removed token " + id + " of " + name);
        return OK;
    }

    /**
     * The new password: asked twice without echo on a terminal, or one line of stdin when it is not
     * one (a script's pipe). Null, with the reason said, when there is none.
     */
    private String password(String name) throws IOException {
        String password;
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = first == null ? null : console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("user: the passwords differ; nothing changed");
                return null;
            }
            password = new String(first);
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
        else {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            err.println("user: no password given; nothing changed");
            return null;
        }
        return password;
    }

    private int noSuchAccount(String name, Path file) {
        err.println("user: no account " + name + " in " + file);
        return REFUSED;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("user: " + problem);
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }

    /** The sub-commands, by their words and argument counts. */
    private enum Command {
        ADD, REMOVE, LIST, TOKEN_ADD, TOKEN_LIST, TOKEN_REMOVE;

        static Command of(List<String> words) {
            String joined = String.join(" ", words.subList(0, Math.min(words.size(), 2)));
            int count = words.size();
            if (count == 2 && words.get(0).equals("add")) {
                return ADD;
            }
            if (count == 2 && words.get(0).equals("remove")) {
                return REMOVE;
            }
            if (count == 1 && words.get(0).equals("list")) {
                return LIST;
            }
            if (joined.equals("token add") && count == 3) {
                return TOKEN_ADD;
            }
            if (joined.equals("token list") && count == 3) {
                return TOKEN_LIST;
            }
            if (joined.equals("token remove") && count == 4) {
                return TOKEN_REMOVE;
            }
            return null;
        }

        boolean needsName() {
            return this != LIST;
        }

        int nameAt() {
            return this == ADD || this == REMOVE ? 1 : 2;
        }
    }
}
