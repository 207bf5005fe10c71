package io.iotwatch.core.taxonomy;

/**
 * How finely classes are told apart: every class (34 in CICIoT2023), its group (8), or attack against benign
 * (2). Training at a coarser granularity relabels rows; evaluation reports every granularity from one model.
 */
public enum Granularity {
    CLASS(34),
    GROUP(8),
    BINARY(2);

    /** The label of benign traffic at {@link #BINARY} granularity, and of every attack there. */
    public static final String BENIGN = "Benign";
    public static final String ATTACK = "Attack";

    private final int cicIot2023Classes;

    Granularity(int cicIot2023Classes) {
        this.cicIot2023Classes = cicIot2023Classes;
    }

    /** How many labels CICIoT2023 has at this granularity: 34, 8 or 2, as the command line names them. */
    public int cicIot2023Classes() {
        return cicIot2023Classes;
    }

    /** The granularity named by its count of CICIoT2023 labels: 34, 8 or 2. */
    public static Granularity ofClasses(int count) {
        for (Granularity g : values()) {
            if (g.cicIot2023Classes == count) {
                return g;
            }
        }
        throw new IllegalArgumentException("granularity must be 34, 8 or 2: " + count);
    }

    /** The label of a class at this granularity. */
    public String labelOf(String classLabel) {
        return switch (this) {
            case CLASS -> classLabel;
            case GROUP -> AttackClass.groupOf(classLabel);
            case BINARY -> isBenign(classLabel) ? BENIGN : ATTACK;
        };
    }

    /** Whether a label, at any granularity, stands for benign traffic. */
    public static boolean isBenign(String label) {
        return label.equals(AttackClass.BENIGN_TRAFFIC.label()) || label.equals(AttackGroup.BENIGN.label());
    }
}
