package io.iotwatch.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv4TextsTest {

    @Test
    void textsAreTheDottedFormsWhateverTheOrderOfAddresses() {
        Ipv4Texts texts = new Ipv4Texts();
        SplittableRandom random = new SplittableRandom(7);
        // Few distinct addresses, so that they come back both while cached and after another took their entry.
        int[] pool = new int[3 * Ipv4Texts.ENTRIES];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = random.nextInt();
        }
        pool[0] = 0;
        pool[1] = -1;
        for (int i = 0; i < 200_000; i++) {
            int address = pool[random.nextInt(random.nextBoolean() ? 16 : pool.length)];
            assertThat(texts.text(address)).isEqualTo(PacketDecoder.ipv4ToString(address));
        }
    }

    @Test
    void anAddressSeenAgainGivesTheSameString() {
        Ipv4Texts texts = new Ipv4Texts();
        String first = texts.text(0xC0A80001);
        texts.text(0x0A000001);
        assertThat(texts.text(0xC0A80001)).isSameAs(first);
        assertThat(texts.text(0)).isEqualTo("0.0.0.0").isSameAs(texts.text(0));
    }
}
