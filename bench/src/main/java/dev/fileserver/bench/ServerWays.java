package dev.fileserver.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fileserver.testsupport.InstalledJdk;
import dev.fileserver.testsupport.ServerLauncher;

/**
 * The ways a user starts the server, by name: {@code java -jar} as the README says and
 * {@code bin/fileserver-server} (its extracted jar with a class archive of a training run), on the
 * harness's JDK and, when one of 25 or newer is installed beside it, on that one too (AOT cache).
 */
final class ServerWays {

    static final Path SCRIPT = Path.of("bin/fileserver-server");

    private ServerWays() {
    }

    static Map<String, ServerLauncher> of(BenchOptions options) {
        String harness = "JDK " + Runtime.version().feature();
        Map<String, ServerLauncher> ways = new LinkedHashMap<>();
        ways.put(plain(), ServerLauncher.fromJar(options.serverJar()).withJvmOptions(options.serverJvmOptions()));
        ways.put(SCRIPT + ", " + harness, ServerLauncher.fromScript(SCRIPT).withJvmOptions(options.serverJvmOptions()));
        InstalledJdk.atLeast(25).filter(jdk -> jdk.feature() > Runtime.version().feature()).ifPresent(jdk -> {
            ways.put("java -jar, JDK " + jdk.feature(), ServerLauncher.fromJar(options.serverJar())
                    .withJvmOptions(options.serverJvmOptions()).withJavaHome(jdk.home()));
            ways.put(SCRIPT + ", JDK " + jdk.feature(), ServerLauncher.fromScript(SCRIPT)
                    .withJvmOptions(options.serverJvmOptions()).withJavaHome(jdk.home()));
        });
        return ways;
    }

    /** The README's way on the harness's JDK: what the others are compared with. */
    static String plain() {
        return "java -jar, JDK " + Runtime.version().feature();
    }

    /** Whether the way is the launcher's. */
    static boolean launched(String way) {
        return way.startsWith(SCRIPT.toString());
    }
}
