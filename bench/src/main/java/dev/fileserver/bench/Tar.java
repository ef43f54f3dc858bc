package dev.fileserver.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.fileserver.wire.files.RecursiveDelete;

/** GNU or BSD tar unpacking a tarball: what creating that many files costs on this disk, whoever does it. */
final class Tar {

    private Tar() {
    }

    static boolean installed() {
        try {
            Process tar = new ProcessBuilder("tar", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return tar.waitFor(10, TimeUnit.SECONDS) && tar.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Nanoseconds for {@code tar -xzf tarball -C into}; the folder is deleted afterwards. */
    static long unpack(Path tarball, Path into) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            tar.destroyForcibly();
            throw new IOException("tar could not unpack " + tarball.getFileName());
        }
        long nanos = System.nanoTime() - started;
        RecursiveDelete.delete(into);
        return nanos;
    }
}
