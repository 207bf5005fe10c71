package io.iotwatch.web.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MacVendorsTest {
    private static final MacVendors VENDORS = MacVendors.load();

    @Test
    void namesTheVendorsOfCommonIotDevices() {
        assertThat(VENDORS.vendor("b8:27:eb:12:34:56")).contains("Raspberry Pi Foundation");
        assertThat(VENDORS.vendor("24:0a:c4:00:00:01")).contains("Espressif Inc.");
        assertThat(VENDORS.vendor("44:19:b6:aa:bb:cc")).contains("Hangzhou Hikvision Digital Technology Co.,Ltd.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b8:27:eb:12:34:56", "B8:27:EB:12:34:56", "b8-27-eb-12-34-56", "B8-27-eb-12-34-56",
            "b827.eb12.3456", "B827EB123456"})
    void acceptsTheCommonNotations(String mac) {
        assertThat(VENDORS.vendor(mac)).contains("Raspberry Pi Foundation");
    }

    @Test
    void theLongestRegisteredBlockWins() {
        // C8:5C:E2 is an MA-L block the IEEE split into sixteen MA-M blocks of 28 bits.
        assertThat(VENDORS.vendor("c8:5c:e2:7a:bc:de")).contains("SYNERGY SYSTEMS AND SOLUTIONS");
        assertThat(VENDORS.vendor("c8:5c:e2:8a:bc:de")).contains("LYNX Technik AG");
        // 8C:1F:64 is split into MA-S blocks of 36 bits; FF9 is assigned, FFA is not.
        assertThat(VENDORS.vendor("8c:1f:64:ff:90:01")).contains("Vtron Pty Ltd");
        assertThat(VENDORS.vendor("8c:1f:64:ff:a0:01")).isEmpty();
    }

    @Test
    void locallyAdministeredAndMulticastAddressesHaveNoVendor() {
        // 02:60:8C is registered (3Com, from before the local bit had its meaning), yet such an address
        // seen today is a locally administered one.
        assertThat(VENDORS.vendor("02:60:8c:00:00:01")).isEmpty();
        assertThat(VENDORS.vendor("ba:27:eb:12:34:56")).isEmpty();
        assertThat(VENDORS.vendor("b9:27:eb:12:34:56")).isEmpty();
        assertThat(VENDORS.vendor("01:00:5e:00:00:fb")).isEmpty();
        assertThat(VENDORS.vendor("ff:ff:ff:ff:ff:ff")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"b8:27:eb", "b8:27:eb:12:34", "b8:27:eb:12:34:5", "b8:27:eb:12:34:56:78", "garbage",
            "b8:27-eb:12:34:56", "b8.27.eb.12.34.56", "b8:27:eg:12:34:56", "b827eb12345g", "b8:27:eb:12:34:5\u0665",
            "ｂ8:27:eb:12:34:56", " b8:27:eb:12:34:5", "b827.eb12:3456", "b8:27:eb:12:34:56 "})
    void malformedInputHasNoVendor(String mac) {
        assertThat(VENDORS.vendor(mac)).isEmpty();
    }

    @Test
    void randomTextNeverThrows() {
        Random random = new Random(4242);
        String alphabet = "0123456789abcdefABCDEFxyz:-. \u0665";
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(20)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            assertThat(VENDORS.vendor(new String(text))).isNotNull();
        }
    }
}
