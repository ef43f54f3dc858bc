package dev.fileserver.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kept dummy hash, which spares start-up the making of one. */
class PasswordHashesTest {

    /** Everything of a hash but its salt and digest: the scheme, version, memory, passes and lanes. */
    private static String parameters(String hash) {
        return hash.substring(0, hash.lastIndexOf('$', hash.lastIndexOf('$') - 1));
    }

    @Test
    void theDummyHashHasTheParametersOfANewHashSoAMissingAccountCostsWhatAWrongPasswordCosts() {
        String fresh = new PasswordHashes().hash("any password");

        assertThat(parameters(PasswordHashes.DUMMY)).isEqualTo(parameters(fresh))
                .isEqualTo("{" + PasswordHashes.ENCODE_ID + "}$argon2id$v=19$m=16384,t=2,p=1");
    }

    @Test
    void noPasswordMatchesForAMissingAccountNotEvenTheDummysOwn() {
        PasswordHashes hashes = new PasswordHashes();

        assertThat(hashes.matches("no account has this password", null)).isFalse();
        assertThat(hashes.matches("any password", "{unknown}abc")).isFalse();
        assertThat(hashes.verifications()).isEqualTo(2);
    }
}
