package dev.fileserver.server.tcp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The client slots: at most {@code max-clients} connections at once, and at most
 * {@code max-clients-per-address} from one remote address (trusted addresses aside), so that one
 * host never takes every slot. A connection holds its slot from its greeting until it ends,
 * however it ends, so the slot is free again the moment a session is over. The cap per account
 * ({@code max-clients-per-account}) is the login step's, taken when a login succeeds.
 */
public final class ConnectionSlots {

    private final int capacity;

    private final int perAddress;

    private final Predicate<InetAddress> uncapped;

    /** In the order they took their slot: the oldest first. */
    private final Set<SlotHolder> holders = new LinkedHashSet<>();

    private final Map<InetAddress, Integer> heldByAddress = new HashMap<>();

    ConnectionSlots(int capacity, int perAddress, Predicate<InetAddress> uncapped) {
        this.capacity = capacity;
        this.perAddress = perAddress;
        this.uncapped = uncapped;
    }

    /** Gives {@code holder} a slot, or says why not (null when taken). */
    synchronized Rejection tryTake(SlotHolder holder) {
        if (holders.size() >= capacity) {
            return Rejection.FULL;
        }
        InetAddress address = holder.address();
        boolean capped = !uncapped.test(address);
        if (capped && heldByAddress.getOrDefault(address, 0) >= perAddress) {
            return Rejection.ADDRESS_LIMIT;
        }
        holders.add(holder);
        if (capped) {
            heldByAddress.merge(address, 1, Integer::sum);
        }
        return null;
    }

    /** Gives back {@code holder}'s slot; nothing if it holds none (any more). */
    synchronized void release(SlotHolder holder) {
        if (holders.remove(holder)) {
            heldByAddress.computeIfPresent(holder.address(), (address, held) -> held > 1 ? held - 1 : null);
        }
    }

    /**
     * The oldest holder whose slot a newcomer turned away for {@code rejection} may have: one still
     * waiting to be let in after {@code graceNanos}, from the newcomer's address when that address
     * is what is full. Null when there is none.
     */
    synchronized SlotHolder overstaying(Rejection rejection, InetAddress newcomer, long graceNanos) {
        for (SlotHolder holder : holders) {
            boolean frees = rejection == Rejection.FULL || holder.address().equals(newcomer);
            if (frees && holder.waitingLongerThan(graceNanos)) {
                return holder;
            }
        }
        return null;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int inUse() {
        return holders.size();
    }
}
