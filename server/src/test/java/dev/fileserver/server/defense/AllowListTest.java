package dev.fileserver.server.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list takes addresses and CIDR ranges as literals, and matches by prefix, bit by bit. */
class AllowListTest {

    @Test
    void aRangeHoldsTheAddressesUnderItsPrefixAndNoOthers() throws UnknownHostException {
        AllowList list = AllowList.parse(List.of("10.0.0.0/8", "172.16.0.0/12", "192.0.2.7", "fd00::/8", "::1"));
        assertThat(contains(list, "10.255.1.2", "172.16.0.1", "172.31.255.255", "192.0.2.7", "fd12::1", "::1"))
                .containsOnly(true);
        assertThat(contains(list, "11.0.0.1", "172.15.255.255", "172.32.0.0", "192.0.2.8", "fe80::1", "::2",
                "127.0.0.1")).containsOnly(false);
    }

    @Test
    void anIpv4RangeHoldsNoIpv6AddressAndTheOtherWayRound() throws UnknownHostException {
        assertThat(contains(AllowList.parse(List.of("0.0.0.0/0")), "203.0.113.9", "2001:db8::1"))
                .containsExactly(true, false);
        assertThat(contains(AllowList.parse(List.of("::/0")), "203.0.113.9", "2001:db8::1"))
                .containsExactly(false, true);
    }

    @Test
    void blankEntriesAreIgnoredAndAnEmptyListHoldsNothing() throws UnknownHostException {
        assertThat(contains(AllowList.parse(List.of(" ", "")), "127.0.0.1", "::1")).containsOnly(false);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = { "files.example", "localhost", "256.1.1.1", "10.0.0", "10.0.0.0/33", "10.0.0.0/x",
            "10.0.0.0/-1", "::1/129", "fe80::zz", "abc" })
    void anEntryThatIsNotAnAddressLiteralOrRangeIsRefusedWithoutALookUp(String entry) {
        assertThatThrownBy(() -> AllowList.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }

    private static List<Boolean> contains(AllowList list, String... addresses) throws UnknownHostException {
        Boolean[] found = new Boolean[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            found[i] = list.contains(InetAddress.getByName(addresses[i]));
        }
        return List.of(found);
    }
}
