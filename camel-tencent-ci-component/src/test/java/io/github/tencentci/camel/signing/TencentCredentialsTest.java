package io.github.tencentci.camel.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TencentCredentialsTest {

    private static final String ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
    private static final String KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
    private static final String TOKEN = "tmpTOKEN/abc+=";

    @Test
    void toStringShowsTheIdAndMasksTheSecrets() {
        TencentCredentials permanent = new TencentCredentials(ID, KEY);
        TencentCredentials temporary = new TencentCredentials(ID, KEY, TOKEN);

        assertThat(permanent.toString())
                .isEqualTo("TencentCredentials[secretId=" + ID + ", secretKey=******]")
                .doesNotContain(KEY);
        assertThat(temporary.toString())
                .isEqualTo("TencentCredentials[secretId=" + ID + ", secretKey=******, sessionToken=******]")
                .doesNotContain(KEY)
                .doesNotContain(TOKEN);
    }

    @Test
    void anEmptyTokenMeansPermanentCredentials() {
        assertThat(new TencentCredentials(ID, KEY, "").isTemporary()).isFalse();
        assertThat(new TencentCredentials(ID, KEY, "").getSessionToken()).isNull();
        assertThat(new TencentCredentials(ID, KEY, TOKEN).isTemporary()).isTrue();
        assertThat(new TencentCredentials(ID, KEY, TOKEN).getSessionToken()).isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankSecretIdIsRejectedByName(String blank) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(blank, KEY))
                .withMessage("secretId must not be null or blank");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankSecretKeyIsRejectedByName(String blank) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(ID, blank))
                .withMessage("secretKey must not be null or blank");
    }

    @Test
    void blankTokenIsRejectedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(ID, KEY, "  "))
                .withMessage("sessionToken must not be null or blank");
    }

    @Test
    void outerWhiteSpaceIsRejectedWithoutShowingTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(ID, KEY + "\n"))
                .withMessage("secretKey must not start or end with white space");
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(" " + ID, KEY))
                .withMessage("secretId must not start or end with white space");
        assertThatIllegalArgumentException().isThrownBy(() -> new TencentCredentials(ID, KEY, TOKEN + " "))
                .withMessage("sessionToken must not start or end with white space");
    }

    @Test
    void equalityCoversAllThreeFields() {
        assertThat(new TencentCredentials(ID, KEY, TOKEN))
                .isEqualTo(new TencentCredentials(ID, KEY, TOKEN))
                .hasSameHashCodeAs(new TencentCredentials(ID, KEY, TOKEN))
                .isNotEqualTo(new TencentCredentials(ID, KEY))
                .isNotEqualTo(new TencentCredentials(ID, KEY + "x", TOKEN));
    }
}
