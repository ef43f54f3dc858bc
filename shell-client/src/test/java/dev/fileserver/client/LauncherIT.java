package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fileserver.testsupport.InstalledJdk;

/**
 * {@code bin/fileserver-client}, run as a script runs it against the real server: whatever state
 * its archive folder is in, the command runs and prints what {@code java -jar} prints. Run after
 * {@code package}, on the jar it built.
 */
class LauncherIT extends AgainstOneRealServer {

    private static final Path LAUNCHER = Path.of(System.getProperty("fileserver.client.launcher",
            "../bin/fileserver-client"));

    private static final Path JAR = Path.of(System.getProperty("fileserver.client.jar", "target/shell-client.jar"));

    private Path cache;

    private record Ran(int exitCode, String out, String err) {
    }

    @BeforeEach
    void aFolderWithTwoFiles() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.txt"), "a");
        Files.writeString(root.resolve("docs/b.txt"), "b");
        cache = temp.resolve("cache");
    }

    @Test
    void theFirstRunListsAndLeavesAnArchiveThatTheNextRunUses() throws Exception {
        Ran first = launch(Map.of(), "ls", "docs");
        Ran second = launch(Map.of(), "ls", "docs");

        assertListed(first);
        assertListed(second);
        assertThat(archive()).isNotEmptyFile();
        assertThat(Files.readString(cache.resolve("options"))).contains(archive().toString());
    }

    @Test
    void aCorruptArchiveStillRunsTheCommandQuietly() throws Exception {
        launch(Map.of(), "ls", "docs");
        Path archive = archive();
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        assertListed(launch(Map.of(), "ls", "docs"));
    }

    @Test
    void anArchiveOfAnotherJarOrJdkIsMadeAgainAndTheCommandRuns() throws Exception {
        launch(Map.of(), "ls", "docs");
        Files.writeString(cache.resolve("key"), "an older jar, another JDK");
        Files.delete(archive());

        Ran again = launch(Map.of(), "ls", "docs");

        assertListed(again);
        assertThat(Files.readString(cache.resolve("key"))).isNotEqualTo("an older jar, another JDK");
        assertThat(archive()).isNotEmptyFile();
    }

    @Test
    void aCacheFolderThatCannotBeMadeFallsBackToJavaJar() throws Exception {
        Files.writeString(temp.resolve("a-file"), "in the way");
        cache = temp.resolve("a-file/cache");

        assertListed(launch(Map.of(), "ls", "docs"));
    }

    @Test
    void aLockLeftByAnotherRunMeansThisOneRunsPlain() throws Exception {
        Files.createDirectories(cache.resolve("lock"));

        assertListed(launch(Map.of(), "ls", "docs"));
        assertThat(cache.resolve("key")).doesNotExist();
    }

    @Test
    void archiveOffRunsJavaJarAndWritesNothing() throws Exception {
        assertListed(launch(Map.of("FILESERVER_CLIENT_ARCHIVE", "off"), "ls", "docs"));
        assertThat(cache).doesNotExist();
    }

    @Test
    void theCommandsExitCodeAndErrorComeThroughOnTheFirstRunAndAfter() throws Exception {
        Ran first = launch(Map.of(), "ls", "nowhere");
        Ran second = launch(Map.of(), "ls", "nowhere");

        for (Ran ran : List.of(first, second)) {
            assertThat(ran.exitCode()).isEqualTo(1);
            assertThat(ran.out()).isEmpty();
            assertThat(ran.err()).isEqualTo("Error: 'nowhere' not found\n");
        }
    }

    @Test
    void onAJdkWithTheAotCacheTheFirstRunPrintsOnlyWhatTheCommandPrintsAndLeavesACacheTheNextRunUses()
            throws Exception {
        Path jdk = InstalledJdk.atLeast(25).map(InstalledJdk::home).orElse(null);
        assumeTrue(jdk != null, "no JDK 25 or newer installed");
        Map<String, String> onThatJdk = Map.of("JAVA_HOME", jdk.toString());
        Path classes = temp.resolve("classes.log");

        Ran first = launch(onThatJdk, "ls", "docs");
        Ran second = launch(Map.of("JAVA_HOME", jdk.toString(), "JDK_JAVA_OPTIONS", "-Xlog:class+load:file=" + classes),
                "ls", "docs");
        Ran failing = launch(onThatJdk, "ls", "nowhere");

        assertListed(first);
        assertThat(second.out().lines()).containsExactlyInAnyOrder("a.txt", "b.txt");
        // the first run was the training run: the cache holds the command's classes, not only the context's
        assertThat(Files.readAllLines(classes))
                .anyMatch(line -> line.endsWith(" dev.fileserver.client.listing.Listing source: shared objects file"));
        assertThat(archive()).hasFileName("archive.aot").isNotEmptyFile();
        assertThat(Files.readString(cache.resolve("options"))).contains("-XX:AOTCache=" + archive());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).isEmpty();
        assertThat(failing.err()).isEqualTo("Error: 'nowhere' not found\n");
    }

    @Test
    void aTransferAfterTheFirstRunArrivesAndPrintsOnlyItsSummary() throws Exception {
        assertUploadsAfterAListing(Map.of(), Runtime.version().feature() >= 25);
    }

    @Test
    void onAJdkWithTheAotCacheATransferStartsWithoutTheTrainingDataAndArrives() throws Exception {
        Path jdk = InstalledJdk.atLeast(25).map(InstalledJdk::home).orElse(null);
        assumeTrue(jdk != null, "no JDK 25 or newer installed");

        assertUploadsAfterAListing(Map.of("JAVA_HOME", jdk.toString()), true);
    }

    /**
     * The first run lists (and trains); after it, an upload arrives and prints only its summary, and
     * the JVM of an upload and that of a listing get the compiler options each is meant to get.
     */
    private void assertUploadsAfterAListing(Map<String, String> environment, boolean aotCache) throws Exception {
        Path local = Files.writeString(temp.resolve("up.txt"), "uploaded through the launcher");

        assertListed(launch(environment, "ls", "docs"));
        Ran upload = launch(environment, "upload", local.toString());
        String uploadFlags = flags(environment, "upload", local.toString());
        String listingFlags = flags(environment, "ls", "docs");

        assertThat(upload.exitCode()).as(upload.err()).isZero();
        assertThat(upload.err()).isEmpty();
        assertThat(upload.out().lines()).singleElement().asString().startsWith("Uploaded 'up.txt'");
        assertThat(root.resolve("up.txt")).hasContent("uploaded through the launcher");
        assertThat(uploadFlags).contains("-XX:Tier4InvocationThreshold=50000").doesNotContain("TieredStopAtLevel");
        assertThat(listingFlags).contains("-XX:TieredStopAtLevel=1").doesNotContain("Tier4InvocationThreshold");
        if (aotCache) {
            assertThat(Files.readAllLines(cache.resolve("transfer-options"))).contains("-XX:-AOTReplayTraining");
            assertThat(uploadFlags).contains("-XX:-AOTReplayTraining");
        }
        else {
            assertThat(cache.resolve("transfer-options")).doesNotExist();
            assertThat(uploadFlags).doesNotContain("-XX:-AOTReplayTraining");
        }
        assertThat(listingFlags).doesNotContain("-XX:-AOTReplayTraining");
    }

    /** The options the launcher's JVM ran {@code words} with, as the JVM prints them. */
    private String flags(Map<String, String> environment, String... words) throws Exception {
        Map<String, String> printing = new HashMap<>(environment);
        printing.put("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        Ran ran = launch(printing, words);
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        return ran.out().lines().filter(line -> line.startsWith("-XX:")).findFirst()
                .orElseThrow(() -> new AssertionError("the JVM printed no flags: " + ran.out()));
    }

    private Path archive() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().startsWith("archive.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no archive in " + cache));
        }
    }

    private static void assertListed(Ran ran) {
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out().lines()).containsExactlyInAnyOrder("a.txt", "b.txt");
        assertThat(ran.err()).isEmpty();
    }

    private Ran launch(Map<String, String> environment, String... words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "--fileserver.port=" + server.port(),
                "--fileserver.read-timeout=10s"));
        command.addAll(List.of(words));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(temp.resolve("out").toFile())
                .redirectError(temp.resolve("err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("FILESERVER_CLIENT_JAR", JAR.toAbsolutePath().toString());
        builder.environment().put("FILESERVER_CLIENT_CACHE", cache.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit within 5 minutes");
        }
        return new Ran(process.exitValue(), Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
    }
}
