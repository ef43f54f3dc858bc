package dev.fileserver.server.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each quota's folder (its scope) holds, and the one place that says whether more fits. The
 * root is a scope, with the global quota; each account's home folder is one too ({@link #openHome},
 * which also gives the view of the ledger whose paths are the home's), and a path counts against
 * every scope it lies in.
 * <p>
 * A scope is counted once, by the backend's {@link UsageCounter} walking it, when it is first
 * needed (at start, off the start-up's path, by {@link UsageRecount}); from then on the server's
 * own changes are {@link #record recorded} as they are made, and the walk is made again now and
 * then, since files may change behind the server's back. A change made while a scope is being
 * walked may be missed until the next walk. Uploads under way hold a {@link Reservation} for what
 * they announced, so that two of them cannot together pass a quota that each alone fits.
 * <p>
 * Without any quota nothing is walked until a client asks how much is used.
 */
public final class UsageLedger {

    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    private final UsageCounter counter;

    private final Quota perHome;

    private final Map<StoragePath, Scope> scopes;

    /** Guards what the scopes hold and reserve, for the ledger and all its views alike. */
    private final Object lock;

    /** Where this view's paths are, below the root; the root for the ledger itself. */
    private final StoragePath prefix;

    /**
     * @param global  the quota of the whole store
     * @param perHome the quota each home folder gets once it is opened; {@link Quota#NONE} for none
     */
    public UsageLedger(UsageCounter counter, Quota global, Quota perHome) {
        this(counter, perHome, new ConcurrentHashMap<>(), new Object(), StoragePath.ROOT);
        scopes.put(StoragePath.ROOT, new Scope(StoragePath.ROOT, global));
    }

    private UsageLedger(UsageCounter counter, Quota perHome, Map<StoragePath, Scope> scopes, Object lock,
            StoragePath prefix) {
        this.counter = counter;
        this.perHome = perHome;
        this.scopes = scopes;
        this.lock = lock;
        this.prefix = prefix;
    }

    /**
     * Gives an account's home folder ({@code home}, below the root) the per-home quota, if there is
     * one, and returns the ledger as the account's store sees it: its paths are relative to its home.
     */
    public UsageLedger openHome(StoragePath home) {
        if (perHome.limited() && !home.isRoot()) {
            scopes.computeIfAbsent(home, folder -> new Scope(folder, perHome));
        }
        return new UsageLedger(counter, perHome, scopes, lock, home);
    }

    /**
     * A ledger of its own for a home the root's walks never see (a folder outside the served root),
     * counted by {@code counter}, with the per-home quota as its whole.
     */
    public UsageLedger apart(UsageCounter homeCounter) {
        return new UsageLedger(homeCounter, perHome, Quota.NONE);
    }

    /** {@code path} of this view as the root sees it. */
    private StoragePath inRoot(StoragePath path) {
        StoragePath whole = prefix;
        for (String part : path.parts()) {
            whole = whole.child(part);
        }
        return whole;
    }

    /** Whether any scope has a limit, and so whether the server's changes are worth measuring. */
    public boolean limited() {
        return scopes.values().stream().anyMatch(scope -> scope.quota.limited());
    }

    /** What {@code path} holds now, walked; nothing when no quota needs it. */
    public Usage measure(StoragePath path) {
        return limited() ? counter.count(inRoot(path)) : Usage.NONE;
    }

    /**
     * Refuses {@code wanted} more below {@code directory} for {@code name} if it would pass any
     * quota, else holds it until the reservation is released. A part of {@code wanted} that is
     * zero or less (a smaller file replacing a larger one) is never refused.
     */
    public Reservation reserve(StoragePath directory, String name, Usage wanted) {
        List<Scope> around = limitedAround(inRoot(directory));
        synchronized (lock) {
            refuseIfPast(around, name, wanted);
            around.forEach(scope -> scope.reserved = scope.reserved.plus(wanted));
        }
        return new Reservation(around, wanted);
    }

    /** As {@link #reserve}, holding nothing: for what is checked again as it arrives. */
    public void check(StoragePath directory, String name, Usage wanted) {
        List<Scope> around = limitedAround(inRoot(directory));
        synchronized (lock) {
            refuseIfPast(around, name, wanted);
        }
    }

    /**
     * What may still be added below {@code directory} before the tightest quota around it is
     * passed, what is reserved counted as taken; {@link Long#MAX_VALUE} for a part without a limit.
     */
    public Room room(StoragePath directory) {
        List<Scope> around = limitedAround(inRoot(directory));
        long bytes = Long.MAX_VALUE;
        long files = Long.MAX_VALUE;
        StoragePath bytesScope = StoragePath.ROOT;
        StoragePath filesScope = StoragePath.ROOT;
        synchronized (lock) {
            for (Scope scope : around) {
                Usage taken = scope.used.plus(scope.reserved);
                if (scope.quota.bytesLeft(taken) < bytes) {
                    bytes = scope.quota.bytesLeft(taken);
                    bytesScope = scope.folder;
                }
                if (scope.quota.filesLeft(taken) < files) {
                    files = scope.quota.filesLeft(taken);
                    filesScope = scope.folder;
                }
            }
        }
        return new Room(bytes, files, bytesScope, filesScope, root());
    }

    /** The server changed what is below {@code path} by {@code change}. */
    public void record(StoragePath path, Usage change) {
        StoragePath whole = inRoot(path);
        synchronized (lock) {
            for (Scope scope : scopes.values()) {
                if (whole.startsWith(scope.folder) && scope.used != null) {
                    scope.used = scope.used.plus(change);
                }
            }
        }
    }

    /** {@code usage} moved from {@code from} to {@code to}: it leaves the scopes only {@code from} is in. */
    public void moved(StoragePath from, StoragePath to, Usage usage) {
        record(from, Usage.NONE.minus(usage));
        record(to, usage);
    }

    /** Whether {@code from} and {@code to} lie in the same scopes, so that moving between them changes no count. */
    public boolean sameScopes(StoragePath from, StoragePath to) {
        StoragePath wholeFrom = inRoot(from);
        StoragePath wholeTo = inRoot(to);
        return scopes.keySet().stream().allMatch(folder -> wholeFrom.startsWith(folder) == wholeTo.startsWith(folder));
    }

    /** Walks every scope already counted or limited again, replacing what was recorded since. */
    public void recount() {
        for (Scope scope : scopes.values()) {
            if (scope.quota.limited() || scope.used != null) {
                Usage counted = counter.count(scope.folder);
                synchronized (lock) {
                    scope.used = counted;
                }
                log.debug("Counted '{}': {} bytes in {} files", scope.folder, counted.bytes(), counted.files());
            }
        }
    }

    /**
     * The innermost scope {@code path} lies in, with what it holds (walked first if it never was),
     * named as the root sees it.
     */
    public Report report(StoragePath path) {
        StoragePath whole = inRoot(path);
        Scope innermost = scopes.get(StoragePath.ROOT);
        for (Scope scope : scopes.values()) {
            if (whole.startsWith(scope.folder) && scope.folder.parts().size() > innermost.folder.parts().size()) {
                innermost = scope;
            }
        }
        counted(innermost);
        synchronized (lock) {
            return new Report(innermost.folder, innermost.used, innermost.quota);
        }
    }

    /** The ledger itself, whose paths are the root's. */
    private UsageLedger root() {
        return prefix.isRoot() ? this : new UsageLedger(counter, perHome, scopes, lock, StoragePath.ROOT);
    }

    private List<Scope> limitedAround(StoragePath path) {
        List<Scope> around = new ArrayList<>();
        for (Scope scope : scopes.values()) {
            if (scope.quota.limited() && path.startsWith(scope.folder)) {
                counted(scope);
                around.add(scope);
            }
        }
        return around;
    }

    /** Walks a scope that never was; whoever needs it first waits for the walk, once. */
    private void counted(Scope scope) {
        synchronized (scope) {
            if (scope.used != null) {
                return;
            }
            Usage counted = counter.count(scope.folder);
            synchronized (lock) {
                scope.used = counted;
            }
            log.info("Counted '{}' for its quota: {} bytes in {} files", scope.folder, counted.bytes(),
                    counted.files());
        }
    }

    private void refuseIfPast(List<Scope> around, String name, Usage wanted) {
        for (Scope scope : around) {
            Usage taken = scope.used.plus(scope.reserved);
            if (wanted.bytes() > 0 && scope.quota.bytesLeft(taken) < wanted.bytes()) {
                throw new QuotaExceededException(scope.folder, name, false, scope.quota.bytes(), taken.bytes());
            }
            if (wanted.files() > 0 && scope.quota.filesLeft(taken) < wanted.files()) {
                throw new QuotaExceededException(scope.folder, name, true, scope.quota.files(), taken.files());
            }
        }
    }

    private void release(List<Scope> around, Usage held) {
        synchronized (lock) {
            around.forEach(scope -> scope.reserved = scope.reserved.minus(held));
        }
    }

    /** One quota's folder: its limit and, once walked, what it holds and what uploads under way hold. */
    private static final class Scope {

        private final StoragePath folder;

        private final Quota quota;

        private volatile Usage used;

        private Usage reserved = Usage.NONE;

        Scope(StoragePath folder, Quota quota) {
            this.folder = folder;
            this.quota = quota;
        }
    }

    /** What an upload under way holds until it is stored or gone; releasing it twice is harmless. */
    public final class Reservation {

        private final List<Scope> around;

        private final Usage held;

        private boolean released;

        private Reservation(List<Scope> around, Usage held) {
            this.around = around;
            this.held = held;
        }

        public void release() {
            synchronized (lock) {
                if (!released) {
                    released = true;
                    UsageLedger.this.release(around, held);
                }
            }
        }
    }

    /**
     * What may still be added below a folder, and which scope is the tightest for each; the
     * {@link #refuse} of what would pass it names that scope.
     */
    public record Room(long bytes, long files, StoragePath bytesScope, StoragePath filesScope, UsageLedger ledger) {

        /** This room and {@code freed} more, no limit staying no limit. */
        Room plus(Usage freed) {
            return new Room(bytes == Long.MAX_VALUE ? bytes : bytes + freed.bytes(),
                    files == Long.MAX_VALUE ? files : files + freed.files(), bytesScope, filesScope, ledger);
        }

        /** The refusal of {@code name} for going past this room, in bytes or in files. */
        public QuotaExceededException refuse(String name, boolean inFiles) {
            Report scope = ledger.report(inFiles ? filesScope : bytesScope);
            return inFiles ? new QuotaExceededException(scope.scope(), name, true, scope.quota().files(),
                    scope.used().files())
                    : new QuotaExceededException(scope.scope(), name, false, scope.quota().bytes(),
                            scope.used().bytes());
        }
    }

    /** A scope, what it holds and its quota. */
    public record Report(StoragePath scope, Usage used, Quota quota) {
    }
}
