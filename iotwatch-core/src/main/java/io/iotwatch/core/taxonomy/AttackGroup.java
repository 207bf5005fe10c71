package io.iotwatch.core.taxonomy;

import java.util.Optional;

/**
 * The eight groups CICIoT2023 sorts its 34 classes into, plus {@link #C2} for iotwatch's own command-and-control
 * classes (DNS tunneling, beaconing), which the lab and the generator label but the dataset does not have.
 */
public enum AttackGroup {
    DDOS("DDoS"),
    DOS("DoS"),
    MIRAI("Mirai"),
    RECON("Recon"),
    SPOOFING("Spoofing"),
    WEB("Web"),
    BRUTE_FORCE("BruteForce"),
    C2("C2"),
    BENIGN("Benign");

    private final String label;

    AttackGroup(String label) {
        this.label = label;
    }

    /** The name in alerts, models and reports, e.g. {@code BruteForce}. */
    public String label() {
        return label;
    }

    /** The group named {@code label}, exactly as {@link #label()} spells it. */
    public static Optional<AttackGroup> byLabel(String label) {
        for (AttackGroup group : values()) {
            if (group.label.equals(label)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
