package io.maap.support.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AES-GCM with one cipher per thread: each text under its own key and nonce, whatever the thread
 * sealed or failed to open before, and threads never share a cipher's state.
 */
class MasterKeyTest {

    private static final byte[] AAD = "maap-text:audit-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void textsSealedOneAfterAnotherUnderDifferentKeysOpenEachUnderItsOwn() {
        SecretKey first = MasterKey.newDataKey();
        SecretKey second = MasterKey.newDataKey();

        byte[] a = MasterKey.encrypt(first, bytes("one"), AAD);
        byte[] b = MasterKey.encrypt(second, bytes("two"), AAD);
        byte[] c = MasterKey.encrypt(first, bytes("one"), AAD);

        assertThat(text(MasterKey.decrypt(first, a, AAD))).isEqualTo("one");
        assertThat(text(MasterKey.decrypt(second, b, AAD))).isEqualTo("two");
        assertThat(text(MasterKey.decrypt(first, c, AAD))).isEqualTo("one");
        assertThat(c).as("a new nonce each time").isNotEqualTo(a);
        assertThatThrownBy(() -> MasterKey.decrypt(second, a, AAD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedOpeningLeavesTheThreadsCipherUsable() {
        SecretKey key = MasterKey.newDataKey();
        byte[] sealed = MasterKey.encrypt(key, bytes("case holder"), AAD);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> MasterKey.decrypt(key, altered, AAD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
        assertThatThrownBy(() -> MasterKey.decrypt(key, sealed, bytes("maap-text:audit-2")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(text(MasterKey.decrypt(key, sealed, AAD))).isEqualTo("case holder");
        assertThat(text(MasterKey.decrypt(key, MasterKey.encrypt(key, bytes("again"), AAD), AAD))).isEqualTo("again");
    }

    @Test
    void threadsSealingAndOpeningAtOnceEachGetTheirOwnTextsBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    SecretKey key = MasterKey.newDataKey();
                    List<String> opened = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        String plain = "thread " + thread + " text " + i;
                        opened.add(text(MasterKey.decrypt(key, MasterKey.encrypt(key, bytes(plain), AAD), AAD)));
                    }
                    return opened;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<String> opened = results.get(t).get();
                assertThat(opened).hasSize(500);
                for (int i = 0; i < 500; i++) {
                    assertThat(opened.get(i)).isEqualTo("thread " + t + " text " + i);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
