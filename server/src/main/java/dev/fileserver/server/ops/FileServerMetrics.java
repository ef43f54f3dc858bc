package dev.fileserver.server.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import dev.fileserver.server.session.SessionRegistry;

/**
 * The file service's meters. Transfers are counted once each, when they end, so a 1 GiB transfer
 * costs the same two counter updates as a 1 KiB one: nothing is done per chunk.
 */
@Component
public class FileServerMetrics {

    public enum Direction {
        UPLOAD("upload"), DOWNLOAD("download");

        private final String tag;

        Direction(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    private final Counter connectionsAccepted;

    private final Counter connectionsEvicted;

    private final Counter bytesReceived;

    private final Counter bytesSent;

    private final AtomicInteger transfersInProgress = new AtomicInteger();

    /**
     * Meters with tags, made on first use and kept: registering again to find one builds its id and
     * looks it up in the registry, which cost more than recording a small request.
     */
    private final Map<String, Map<String, Timer>> commandTimers = new ConcurrentHashMap<>();

    private final Map<String, Timer> transferTimers = new ConcurrentHashMap<>();

    private final Map<Direction, Counter> byChannelCounters = new ConcurrentHashMap<>();

    public FileServerMetrics(MeterRegistry registry, SessionRegistry sessions) {
        this.registry = registry;
        Gauge.builder("fileserver.connections.active", sessions, SessionRegistry::size)
                .description("Client connections being served").register(registry);
        this.connectionsAccepted = Counter.builder("fileserver.connections.accepted")
                .description("Client connections accepted since start").register(registry);
        this.connectionsEvicted = Counter.builder("fileserver.connections.evicted")
                .description("Connections closed to give their slot to a newcomer: no request within the grace time")
                .register(registry);
        this.bytesReceived = Counter.builder("fileserver.bytes.received").baseUnit("bytes")
                .description("File content received in uploads").register(registry);
        this.bytesSent = Counter.builder("fileserver.bytes.sent").baseUnit("bytes")
                .description("File content sent in downloads").register(registry);
        Gauge.builder("fileserver.transfers.active", transfersInProgress, AtomicInteger::get)
                .description("Uploads and downloads in progress").register(registry);
    }

    public void connectionAccepted() {
        connectionsAccepted.increment();
    }

    /** {@code reason} is one of a few fixed words (full, per-address, banned): tags stay few. */
    public void connectionRejected(String reason) {
        Counter.builder("fileserver.connections.rejected")
                .description("Client connections turned away with the v1 rejection greeting, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public void connectionEvicted() {
        connectionsEvicted.increment();
    }

    /** {@code offence} is one of the defender's fixed offence names. */
    public void offenceRecorded(String offence) {
        Counter.builder("fileserver.defender.offences").description("Offences counted against remote addresses")
                .tag("offence", offence).register(registry).increment();
    }

    public void addressBanned() {
        Counter.builder("fileserver.defender.bans").description("Remote addresses banned since start")
                .register(registry).increment();
    }

    /** The defender's state, read when the meters are: addresses banned now, and addresses remembered. */
    public void watchDefender(Supplier<Number> banned, Supplier<Number> tracked) {
        Gauge.builder("fileserver.defender.banned", banned).description("Remote addresses banned now")
                .register(registry);
        Gauge.builder("fileserver.defender.addresses", tracked)
                .description("Remote addresses the defender remembers (bounded by max-tracked-addresses)")
                .register(registry);
    }

    /** {@code command} must be a known command word (or "other"): tags stay few. */
    public void commandHandled(String command, String outcome, long nanos) {
        commandTimers.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Timer.builder("fileserver.commands")
                        .description("Requests handled, by command and outcome")
                        .tag("command", command).tag("outcome", outcome).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public TransferRecord transferStarted(Direction direction) {
        transfersInProgress.incrementAndGet();
        return new TransferRecord(direction, System.nanoTime());
    }

    /** One transfer from start to end; {@link #finished} is called exactly once. */
    public final class TransferRecord {

        private final Direction direction;

        private final long startedNanos;

        private boolean done;

        private TransferRecord(Direction direction, long startedNanos) {
            this.direction = direction;
            this.startedNanos = startedNanos;
        }

        /**
         * Of the transfer's bytes, how many went between socket and disk by channel, never copied
         * through the Java heap (sendfile, a direct buffer): a transfer that could not is not counted.
         */
        public void movedByChannel(long bytes) {
            if (bytes > 0) {
                byChannelCounters.computeIfAbsent(direction, d -> Counter.builder("fileserver.bytes.by-channel")
                        .baseUnit("bytes")
                        .description("File content moved between socket and disk without a copy through the heap")
                        .tag("direction", d.tag).register(registry)).increment(bytes);
            }
        }

        public void finished(long bytes, boolean succeeded) {
            if (done) {
                return;
            }
            done = true;
            transfersInProgress.decrementAndGet();
            (direction == Direction.UPLOAD ? bytesReceived : bytesSent).increment(bytes);
            String outcome = succeeded ? "success" : "failure";
            transferTimers.computeIfAbsent(direction.tag + " " + outcome, key -> Timer.builder("fileserver.transfers")
                    .description("Transfer durations, by direction and outcome")
                    .tag("direction", direction.tag).tag("outcome", outcome).register(registry))
                    .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }
}
