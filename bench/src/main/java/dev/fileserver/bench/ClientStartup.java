package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.fileserver.testsupport.InstalledJdk;

/**
 * One-shot commands, launch to exit: an {@code ls} of the small folder and an upload of a 4 KiB
 * file, each by the client jar as the README runs it, through {@code bin/fileserver-client} on the
 * harness's JDK and on a JDK with the AOT cache when one is installed, and by the Python v1 client;
 * the launches of one run go in turn, the first of them changing from run to run. Each listing is
 * checked, and each uploaded file against the local one. The targets are the listing's.
 */
final class ClientStartup {

    /** The issue asks for the median of at least ten launches. */
    private static final int MIN_RUNS = 10;

    private static final String PYTHON = "Python v1 client";

    private static final String PLAIN = "java -jar shell-client.jar";

    private static final String UPLOADED = "one-shot-upload.bin";

    private final BenchContext context;

    private final ClientLaunches launches;

    ClientStartup(BenchContext context) {
        this.context = context;
        this.launches = new ClientLaunches(context.options(), context.workspace(), context.serverPort());
    }

    /** What a launch must have done: its nanoseconds when it did, else an exception. */
    private interface Check {

        long nanos(Launch launch) throws IOException, InterruptedException;
    }

    List<Figure> run() throws IOException, InterruptedException {
        String title = "One-shot ls, launch to exit";
        if (!Files.isRegularFile(context.options().clientJar())) {
            return List.of(Figure.unavailable(title, "the client jar is not built", Target.NONE));
        }
        Path directory = context.workspace().clientFolder("startup");
        String folder = Fixtures.SMALL_FOLDER;
        List<Figure> figures = new ArrayList<>(race(title, "ls", contenders(directory, List.of("ls", folder),
                List.of("/list", folder)), this::listed, true));
        byte[] content = new byte[4096];
        new Random(4096).nextBytes(content);
        Path local = Files.write(directory.resolve(UPLOADED), content);
        try {
            figures.addAll(race("One-shot upload of a 4 KiB file, launch to exit", "upload",
                    contenders(directory, List.of("upload", local.toString()), List.of("/upload", local.toString())),
                    launch -> uploaded(launch, content), false));
        }
        finally {
            Files.deleteIfExists(context.fixtures().path(UPLOADED));
        }
        return figures;
    }

    /** The same request by each contender: the client's words, and the Python client's. */
    private Map<String, Launch> contenders(Path directory, List<String> words, List<String> request) {
        Map<String, Launch> contenders = new LinkedHashMap<>();
        String[] clientWords = words.toArray(String[]::new);
        contenders.put(PLAIN, launches.plain(directory, clientWords));
        contenders.put(launcherName(Runtime.version().feature()),
                launches.launcher(ClientLaunches.harnessJavaHome(), directory, clientWords));
        InstalledJdk.atLeast(25).ifPresent(newer -> contenders.put(launcherName(newer.feature()),
                launches.launcher(newer.home(), directory, clientWords)));
        if (ClientLaunches.installed("python3").isPresent()) {
            contenders.put(PYTHON, launches.python(directory, request.toArray(String[]::new)));
        }
        return contenders;
    }

    private static String launcherName(int feature) {
        return "bin/fileserver-client, JDK " + feature;
    }

    private List<Figure> race(String title, String what, Map<String, Launch> contenders, Check check, boolean targets)
            throws IOException, InterruptedException {
        // the first launch through bin/fileserver-client makes its archive: not timed
        for (Launch launch : contenders.values()) {
            check.nanos(launch);
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(contenders.keySet());
        int runs = Math.max(MIN_RUNS, context.runs());
        for (int run = 0; run < runs; run++) {
            StringBuilder line = new StringBuilder("one-shot " + what + ", run " + (run + 1) + ":");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((run + i) % names.size());
                double taken = Rates.seconds(check.nanos(contenders.get(name)));
                seconds.get(name).add(taken);
                line.append(String.format(" %s %.2f s;", name, taken));
            }
            BenchContext.progress(line.toString());
        }
        List<Figure> figures = new ArrayList<>();
        seconds.forEach((name, values) -> figures.add(Figure.measured(title + ", " + name, Unit.SECONDS,
                Samples.of(values), targets && name.startsWith("bin/") ? Target.atMost(0.6, Unit.SECONDS) : Target.NONE)));
        if (!seconds.containsKey(PYTHON)) {
            figures.add(Figure.unavailable(title + ", " + PYTHON, "python3 is not installed", Target.NONE));
            return figures;
        }
        for (String name : names) {
            if (!name.equals(PYTHON)) {
                figures.add(Figure.measured(title + ", ratio " + name + " / " + PYTHON, Unit.RATIO,
                        Samples.of(Rates.ratios(seconds.get(name), seconds.get(PYTHON))),
                        targets && name.startsWith("bin/") ? Target.atMost(3, Unit.RATIO) : Target.NONE));
            }
        }
        return figures;
    }

    /** Nanoseconds from launch to exit of a listing that names every file of the small folder. */
    private long listed(Launch launch) throws IOException, InterruptedException {
        Launch.Ended ended = launch.succeed();
        for (String name : context.fixtures().smallListing().split("\n")) {
            if (!ended.output().contains(name)) {
                throw new ByteMismatchException(launch.what() + " listed no '" + name + "': " + ended.output());
            }
        }
        return ended.nanos();
    }

    /** Nanoseconds from launch to exit of an upload that left {@code content} in the server's root. */
    private long uploaded(Launch launch, byte[] content) throws IOException, InterruptedException {
        Path stored = context.fixtures().path(UPLOADED);
        Files.deleteIfExists(stored);
        Launch.Ended ended = launch.succeed();
        if (!Files.isRegularFile(stored)) {
            throw new ByteMismatchException(launch.what() + " left no copy of the uploaded file: " + ended.output());
        }
        if (!Arrays.equals(Files.readAllBytes(stored), content)) {
            throw new ByteMismatchException(launch.what() + " left a copy that differs from the file: " + ended.output());
        }
        return ended.nanos();
    }
}
