package dev.fileserver.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * Latency of small requests within one session: {@code /list} of a small folder, and downloads
 * of 4 KiB files; a raw echo of a small frame gives the floor of a loopback round trip.
 */
final class SmallOperations {

    private final BenchContext context;

    private final Fixtures fixtures;

    SmallOperations(BenchContext context) {
        this.context = context;
        this.fixtures = context.fixtures();
    }

    List<Figure> run() throws IOException {
        int lists = context.sizes().listRoundTrips();
        int downloads = context.sizes().smallDownloads();
        echo(lists);
        lists(lists);
        downloads(downloads);
        List<Double> echoMedian = new ArrayList<>();
        List<Double> echoTail = new ArrayList<>();
        List<Double> listMedian = new ArrayList<>();
        List<Double> listTail = new ArrayList<>();
        List<Double> downloadMedian = new ArrayList<>();
        List<Double> downloadTail = new ArrayList<>();
        for (int run = 0; run < context.runs(); run++) {
            Samples echo;
            Samples list;
            if (BenchContext.baselineFirst(run)) {
                echo = echo(lists);
                list = lists(lists);
            }
            else {
                list = lists(lists);
                echo = echo(lists);
            }
            Samples download = downloads(downloads);
            echoMedian.add(echo.median());
            echoTail.add(echo.percentile(99));
            listMedian.add(list.median());
            listTail.add(list.percentile(99));
            downloadMedian.add(download.median());
            downloadTail.add(download.percentile(99));
            BenchContext.progress(String.format("small operations, run %d: /list median %.3f ms, 4 KiB download "
                    + "median %.3f ms, raw echo median %.3f ms", run + 1, list.median(), download.median(),
                    echo.median()));
        }
        return List.of(
                Figure.measured("/list of a 12-entry folder, median of " + lists + " round trips", Unit.MILLISECONDS,
                        Samples.of(listMedian), Target.atMost(1, Unit.MILLISECONDS)),
                Figure.measured("/list of a 12-entry folder, p99", Unit.MILLISECONDS, Samples.of(listTail)),
                Figure.measured("4 KiB download (request, y, frame), median of " + downloads, Unit.MILLISECONDS,
                        Samples.of(downloadMedian)),
                Figure.measured("4 KiB download, p99", Unit.MILLISECONDS, Samples.of(downloadTail)),
                Figure.measured("Raw Java echo of a small frame (the floor), median", Unit.MILLISECONDS,
                        Samples.of(echoMedian)),
                Figure.measured("Raw Java echo of a small frame, p99", Unit.MILLISECONDS, Samples.of(echoTail)));
    }

    /** {@code count} round trips of {@code /list} in one session; each in milliseconds. */
    private Samples lists(int count) throws IOException {
        double[] millis = new double[count];
        try (V1Client session = V1Client.connectAccepted(context.serverPort())) {
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                String listing = session.list(Fixtures.SMALL_FOLDER);
                millis[i] = Rates.milliseconds(System.nanoTime() - started);
                if (!listing.equals(fixtures.smallListing())) {
                    throw new ByteMismatchException("/list answered '" + listing + "', expected '"
                            + fixtures.smallListing() + "'");
                }
            }
        }
        return Samples.of(millis);
    }

    /** {@code count} downloads of different 4 KiB files in one session; each in milliseconds. */
    private Samples downloads(int count) throws IOException {
        double[] millis = new double[count];
        try (V1Client session = V1Client.connectAccepted(context.serverPort())) {
            for (int i = 0; i < count; i++) {
                String name = Fixtures.TINY_FOLDER + "/" + Fixtures.tinyName(i);
                long started = System.nanoTime();
                FileHeader header = session.download(name, "file");
                Checksummed received = Checksummed.copy(session.content(header), OutputStream.nullOutputStream());
                millis[i] = Rates.milliseconds(System.nanoTime() - started);
                fixtures.sum(name).verify(received, "download of " + name);
            }
        }
        return Samples.of(millis);
    }

    private Samples echo(int count) throws IOException {
        double[] millis = new double[count];
        try (RawClient.Echo echo = new RawClient.Echo(context.rawPort(), "/list " + Fixtures.SMALL_FOLDER)) {
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                echo.roundTrip();
                millis[i] = Rates.milliseconds(System.nanoTime() - started);
            }
        }
        return Samples.of(millis);
    }
}
