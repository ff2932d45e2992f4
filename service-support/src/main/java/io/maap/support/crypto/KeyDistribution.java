package io.maap.support.crypto;

/** Where an owning service announces its audit keys to the services that read its events (ADR 0016). */
public interface KeyDistribution {

    KeyDistribution NONE = new KeyDistribution() {
        @Override
        public void created(String auditId, byte[] wrappedKey) {
        }

        @Override
        public void destroyed(String auditId) {
        }
    };

    /** A new key, wrapped by the master key; returns once it is delivered. */
    void created(String auditId, byte[] wrappedKey);

    /** The key is destroyed: readers must forget it. */
    void destroyed(String auditId);
}
