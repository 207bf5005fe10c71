package io.iotwatch.store;

import java.util.List;

/**
 * One page of alerts.
 *
 * @param total alerts that match, on all pages
 * @param items the alerts of this page
 */
public record AlertPage(long total, List<StoredAlert> items) {

    public AlertPage {
        items = List.copyOf(items);
    }
}
