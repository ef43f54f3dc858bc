package dev.fileserver.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.local.LocalUsageCounter;
import dev.fileserver.server.storage.local.StorageRoot;

/**
 * The ledger over a real folder, walked by the local counter: a home folder's quota (what accounts
 * will plug in) is counted apart from the whole store's, and what uploads under way hold counts.
 */
class UsageLedgerTest {

    static final StoragePath ANA = StoragePath.parse("home/ana");

    static final StoragePath BOB = StoragePath.parse("home/bob");

    @TempDir
    Path root;

    UsageLedger ledger;

    @BeforeEach
    void plant() throws IOException {
        Files.createDirectories(root.resolve("home/ana"));
        Files.createDirectories(root.resolve("home/bob"));
        Files.write(root.resolve("home/ana/a.bin"), new byte[700]);
        Files.write(root.resolve("home/bob/b.bin"), new byte[200]);
        ledger = new UsageLedger(new LocalUsageCounter(StorageRoot.open(root)), new Quota(10_000L, null),
                new Quota(1000L, 3L));
        ledger.openHome(ANA);
        ledger.openHome(BOB);
    }

    @Test
    void aHomeFolderHasThePerHomeQuotaAndCountsOnlyWhatIsBelowIt() {
        assertThat(ledger.report(ANA.child("docs"))).isEqualTo(new UsageLedger.Report(ANA, Usage.file(700),
                new Quota(1000L, 3L)));
        assertThat(ledger.report(StoragePath.parse("home"))).isEqualTo(new UsageLedger.Report(StoragePath.ROOT,
                new Usage(900, 2), new Quota(10_000L, null)));

        assertThatThrownBy(() -> ledger.reserve(ANA, "big.bin", Usage.file(400)))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.scope()).isEqualTo(ANA);
                    assertThat(e.limit()).isEqualTo(1000);
                    assertThat(e.used()).isEqualTo(700);
                });
        ledger.reserve(BOB, "big.bin", Usage.file(400)).release();
    }

    @Test
    void whatAnUploadUnderWayHoldsIsNotThereForAnotherUntilReleased() {
        UsageLedger.Reservation first = ledger.reserve(ANA, "one.bin", Usage.file(200));

        assertThatThrownBy(() -> ledger.reserve(ANA, "two.bin", Usage.file(200)))
                .isInstanceOf(QuotaExceededException.class);
        first.release();
        first.release();
        ledger.reserve(ANA, "two.bin", Usage.file(200)).release();
        assertThat(ledger.room(ANA).bytes()).isEqualTo(300);
    }

    @Test
    void aMoveOutOfAHomeTakesItsCountAlongAndAMoveWithinChangesNothing() throws IOException {
        assertThat(ledger.report(ANA).used()).isEqualTo(Usage.file(700));
        assertThat(ledger.sameScopes(ANA.child("a.bin"), ANA.child("b.bin"))).isTrue();
        assertThat(ledger.sameScopes(ANA.child("a.bin"), BOB.child("a.bin"))).isFalse();
        assertThat(ledger.report(BOB).used()).as("counted before the move").isEqualTo(Usage.file(200));

        Files.move(root.resolve("home/ana/a.bin"), root.resolve("home/bob/a.bin"));
        ledger.moved(ANA.child("a.bin"), BOB.child("a.bin"), Usage.file(700));

        assertThat(ledger.report(ANA).used()).isEqualTo(Usage.NONE);
        assertThat(ledger.report(BOB).used()).isEqualTo(new Usage(900, 2));
        assertThat(ledger.report(StoragePath.ROOT).used()).isEqualTo(new Usage(900, 2));
    }

    @Test
    void aRecountSeesWhatChangedBehindTheServersBack() throws IOException {
        assertThat(ledger.report(ANA).used()).isEqualTo(Usage.file(700));
        Files.write(root.resolve("home/ana/new.bin"), new byte[50]);

        ledger.recount();

        assertThat(ledger.report(ANA).used()).isEqualTo(new Usage(750, 2));
    }
}
