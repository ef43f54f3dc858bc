package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fileserver.testsupport.InstalledJdk;

/**
 * A one-shot {@code ls} of the small folder, launch to exit: the client jar as the README runs it,
 * through {@code bin/fileserver-client} on the harness's JDK and on a JDK with the AOT cache when
 * one is installed, and the Python v1 client; the launches of one run go in turn, the first of
 * them changing from run to run. Each listing is checked.
 */
final class ClientStartup {

    /** The issue asks for the median of at least ten launches. */
    private static final int MIN_RUNS = 10;

    private static final String PYTHON = "Python v1 client";

    private static final String PLAIN = "java -jar shell-client.jar";

    private final BenchContext context;

    private final ClientLaunches launches;

    ClientStartup(BenchContext context) {
        this.context = context;
        this.launches = new ClientLaunches(context.options(), context.workspace(), context.serverPort());
    }

    List<Figure> run() throws IOException, InterruptedException {
        String title = "One-shot ls, launch to exit";
        if (!Files.isRegularFile(context.options().clientJar())) {
            return List.of(Figure.unavailable(title, "the client jar is not built", Target.NONE));
        }
        Path directory = context.workspace().clientFolder("startup");
        String folder = Fixtures.SMALL_FOLDER;
        Map<String, Launch> contenders = new LinkedHashMap<>();
        Path jdk = ClientLaunches.harnessJavaHome();
        String launcher = "bin/fileserver-client, JDK " + Runtime.version().feature();
        contenders.put(PLAIN, launches.plain(directory, "ls", folder));
        contenders.put(launcher, launches.launcher(jdk, directory, "ls", folder));
        Optional<InstalledJdk> aotJdk = InstalledJdk.atLeast(25);
        String aotLauncher = aotJdk.map(newer -> "bin/fileserver-client, JDK " + newer.feature()).orElse(null);
        aotJdk.ifPresent(newer -> contenders.put(aotLauncher, launches.launcher(newer.home(), directory, "ls", folder)));
        boolean python = ClientLaunches.installed("python3").isPresent();
        if (python) {
            contenders.put(PYTHON, launches.python(directory, "/list", folder));
        }
        // the first launch through bin/fileserver-client makes its archive: not timed
        for (Launch launch : contenders.values()) {
            checked(launch);
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(contenders.keySet());
        int runs = Math.max(MIN_RUNS, context.runs());
        for (int run = 0; run < runs; run++) {
            StringBuilder line = new StringBuilder("one-shot ls, run " + (run + 1) + ":");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((run + i) % names.size());
                double taken = Rates.seconds(checked(contenders.get(name)));
                seconds.get(name).add(taken);
                line.append(String.format(" %s %.2f s;", name, taken));
            }
            BenchContext.progress(line.toString());
        }
        List<Figure> figures = new ArrayList<>();
        seconds.forEach((name, values) -> figures.add(Figure.measured(title + ", " + name, Unit.SECONDS,
                Samples.of(values), name.startsWith("bin/") ? Target.atMost(0.6, Unit.SECONDS) : Target.NONE)));
        if (!python) {
            figures.add(Figure.unavailable(title + ", " + PYTHON, "python3 is not installed", Target.NONE));
            return figures;
        }
        for (String name : names) {
            if (!name.equals(PYTHON)) {
                figures.add(Figure.measured(title + ", ratio " + name + " / " + PYTHON, Unit.RATIO,
                        Samples.of(Rates.ratios(seconds.get(name), seconds.get(PYTHON))),
                        name.startsWith("bin/") ? Target.atMost(3, Unit.RATIO) : Target.NONE));
            }
        }
        return figures;
    }

    /** Nanoseconds from launch to exit of a listing that names every file of the small folder. */
    private long checked(Launch launch) throws IOException, InterruptedException {
        Launch.Ended ended = launch.succeed();
        for (String name : context.fixtures().smallListing().split("\n")) {
            if (!ended.output().contains(name)) {
                throw new ByteMismatchException(launch.what() + " listed no '" + name + "': " + ended.output());
            }
        }
        return ended.nanos();
    }
}
