package dev.fileserver.server.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ApplicationListener;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;

import dev.fileserver.server.config.StartupException;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/** Start-up either serves as configured or stops at once with a message that names the setting. */
public class StartupTest {

    @TempDir
    Path temp;

    @Test
    void aMissingRootIsCreated() throws IOException {
        Path root = temp.resolve("fresh/data");
        try (RunningServer server = RunningServer.start(root); V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(root).isDirectory();
            assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
        }
    }

    @Test
    void aRootThatIsAFileStopsStartUpNamingTheProperty() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThat(startupFailure(() -> RunningServer.start(file)))
                .hasMessage("fileserver.root '" + file + "' is not a folder");
    }

    @Test
    void aTakenPortStopsStartUpNamingTheProperty() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(startupFailure(() -> RunningServer.start(temp, "--fileserver.port=" + port)))
                    .hasMessageStartingWith("fileserver.port: cannot listen on 127.0.0.1:" + port);
        }
    }

    /** The {@link StartupException} somewhere in what start-up threw. */
    public static Throwable startupFailure(Runnable start) {
        Throwable thrown = catchThrowable(start::run);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupException) {
                return cause;
            }
        }
        throw new AssertionError("start-up did not fail with a StartupException", thrown);
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> RunningServer.start(temp, "--fileserver.max-clients=0"))
                .hasStackTraceContaining("fileserver.max-clients")
                .satisfies(e -> assertThat(e).hasRootCauseInstanceOf(BindValidationException.class));
        assertThatThrownBy(() -> RunningServer.start(temp, "--fileserver.port=-1"))
                .hasStackTraceContaining("fileserver.port");
        assertThatThrownBy(() -> RunningServer.start(temp, "--fileserver.idle-timeout=5 fortnights"))
                .hasStackTraceContaining("fileserver.idle-timeout");
    }

    @Test
    void aRestartRightAfterAStopBindsTheSamePortAtOnce() throws IOException {
        int port;
        try (RunningServer first = RunningServer.start(temp); V1Client client = V1Client.connectAccepted(first.port())) {
            port = first.port();
            // the server closes first, so the server side of this connection is the one in TIME_WAIT
            assertThat(client.request("/exit", 1)).containsExactly("ok");
            client.send("y");
            assertThat(client.isClosedByServer()).isTrue();
        }
        try (RunningServer second = RunningServer.start(temp, "--fileserver.port=" + port);
                V1Client client = V1Client.connectAccepted(port)) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(client.request("/list", 2)).containsExactly("ok", "ok");
        }
    }

    @Test
    void aClientThatSeesItsConnectionEndFindsItsSlotFreeAtOnce() throws IOException {
        try (RunningServer server = RunningServer.start(temp, "--fileserver.max-clients=1")) {
            for (int round = 0; round < 20; round++) {
                try (V1Client client = V1Client.connectAccepted(server.port())) {
                    assertThat(client.request("/exit", 1)).containsExactly("ok");
                    client.send("y");
                    assertThat(client.isClosedByServer()).isTrue();
                }
            }
        }
    }

    @Test
    void everyConnectionHasNagleTurnedOff() throws IOException, InterruptedException {
        try (RunningServer server = RunningServer.start(temp)) {
            List<Boolean> noDelay = new CopyOnWriteArrayList<>();
            server.context().addApplicationListener((ApplicationListener<TcpConnectionOpenEvent>) event -> {
                try {
                    noDelay.add(((TcpConnection) event.getSource()).getSocketInfo().getTcpNoDelay());
                }
                catch (SocketException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (V1Client client = V1Client.connectAccepted(server.port())) {
                // the open event is published before the first request is read
                assertThat(client.request("/list", 3).get(0)).isEqualTo("ok");
            }
            assertThat(noDelay).containsExactly(true);
        }
    }

    @Test
    void listensOnLoopbackUnlessToldOtherwise() throws IOException {
        try (RunningServer server = RunningServer.start(temp)) {
            assertThat(server.context().getEnvironment().getProperty("fileserver.bind-address")).isNull();
            assertThat(server.context().getBean(dev.fileserver.server.config.FileServerProperties.class).bindAddress())
                    .isEqualTo("127.0.0.1");
        }
    }
}
