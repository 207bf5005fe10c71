package io.iotwatch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule that keeps alerts from being raised: those of the detector from an address within {@code cidr},
 * or about {@code domain}. At least one of {@code cidr} and {@code domain} is given.
 *
 * @param id        the store's number for it, null before it is stored
 * @param detector  the detector it applies to (at most 64 characters), or null for every detector
 * @param cidr      addresses it covers, as an address or CIDR block (at most 64 characters), or null
 * @param domain    the domain it covers (at most 255 characters), or null
 * @param reason    why, as the person who wrote it said; empty for nothing
 * @param createdBy who wrote it: a user name, at most 64 characters
 * @param createdAt when
 */
public record AllowRule(Long id, String detector, String cidr, String domain, String reason, String createdBy,
        Instant createdAt) {

    public AllowRule {
        detector = Args.optional(detector, "detector", 64);
        cidr = Args.optional(cidr, "cidr", 64);
        domain = Args.optional(domain, "domain", 255);
        if (cidr == null && domain == null) {
            throw new IllegalArgumentException("an allow rule needs a cidr or a domain");
        }
        reason = reason == null ? "" : reason;
        Args.text(createdBy, "createdBy", 64, false);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
