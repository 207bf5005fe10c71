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

    /**
     * Whether two group labels name the same kind of attack: equal, or both floods (DDoS, DoS and Mirai differ in
     * how many machines send and what they are, not in what reaches the victim), so that a rule that calls a flood
     * DoS and a model that calls it DDoS or Mirai are seen to agree.
     */
    public static boolean sameFamily(String a, String b) {
        return a.equals(b) || isFlood(a) && isFlood(b);
    }

    private static boolean isFlood(String label) {
        return label.equals(DDOS.label) || label.equals(DOS.label) || label.equals(MIRAI.label);
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
