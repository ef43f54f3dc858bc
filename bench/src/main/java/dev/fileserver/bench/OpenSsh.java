package dev.fileserver.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's sftp against an sshd of the harness's own: a process on an ephemeral loopback port,
 * with a host key and an authorized client key made for the run in a folder of its own, so the
 * machine's ssh configuration is never read or touched.
 */
final class OpenSsh implements AutoCloseable {

    private final Path folder;

    private final Process sshd;

    private final int port;

    private final Path sftp;

    private OpenSsh(Path folder, Process sshd, int port, Path sftp) {
        this.folder = folder;
        this.sshd = sshd;
        this.port = port;
        this.sftp = sftp;
    }

    /** Why sftp cannot be measured here, or nothing when it can. */
    static Optional<String> unavailable() {
        for (String tool : List.of("sshd", "sftp", "ssh-keygen")) {
            if (ClientLaunches.installed(tool).isEmpty()) {
                return Optional.of(tool + " is not installed (apt-get install -y openssh-server)");
            }
        }
        // sshd insists on its privilege separation folder, which its service creates when started
        if (!Files.isDirectory(Path.of("/run/sshd"))) {
            return Optional.of("sshd's privilege separation folder /run/sshd is missing");
        }
        return Optional.empty();
    }

    static OpenSsh start(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        keygen(folder.resolve("host_key"));
        keygen(folder.resolve("client_key"));
        Files.copy(folder.resolve("client_key.pub"), folder.resolve("authorized_keys"));
        Path config = folder.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "HostKey " + folder.resolve("host_key"),
                "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM no",
                "PidFile none",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "Subsystem sftp internal-sftp", ""));
        int port = Ports.free();
        Process sshd = new ProcessBuilder(ClientLaunches.installed("sshd").orElseThrow().toString(), "-D", "-e",
                "-f", config.toString(), "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("sshd.log").toFile())
                .start();
        OpenSsh openSsh = new OpenSsh(folder, sshd, port, ClientLaunches.installed("sftp").orElseThrow());
        openSsh.awaitListening();
        return openSsh;
    }

    /** {@code sftp -b BATCH} as the user running the harness, with the run's key. */
    Launch sftp(Path directory, String what, String... batch) throws IOException {
        Path file = folder.resolve("batch-" + what.replaceAll("[^a-z0-9]+", "-"));
        Files.writeString(file, String.join("\n", batch) + "\n");
        return new Launch("sftp " + what, List.of(sftp.toString(), "-q", "-b", file.toString(), "-P",
                String.valueOf(port), "-i", folder.resolve("client_key").toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "LogLevel=ERROR", System.getProperty("user.name") + "@127.0.0.1"),
                Map.of(), directory, folder.resolve("sftp.log"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(folder.resolve("sshd.log")).strip());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen within 10 s");
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen could not make " + key);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sshd.destroy();
        if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
            sshd.destroyForcibly();
        }
    }
}
