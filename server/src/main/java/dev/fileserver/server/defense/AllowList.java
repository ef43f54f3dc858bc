package dev.fileserver.server.defense;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code ::1}, {@code fd00::/8})
 * given as literals. A name is refused rather than looked up: the list is read at start-up, and a
 * name's addresses change without it.
 */
public final class AllowList {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";

    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private AllowList(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses every entry; one that is not an address or a CIDR range is an {@link IllegalArgumentException}. */
    public static AllowList parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        return new AllowList(List.copyOf(ranges));
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private record Range(String text, byte[] network, int prefixLength) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String literal = slash < 0 ? text : text.substring(0, slash);
            // only what InetAddress takes as a literal, so that it never looks a name up
            if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(literal).getAddress();
            }
            catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range", e);
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                }
                catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-"
                            + network.length * 8);
                }
            }
            return new Range(text, network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (address[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
