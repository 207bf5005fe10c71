package io.iotwatch.store;

import java.util.List;

/**
 * One page of hosts.
 *
 * @param total hosts that match, on all pages
 * @param items the hosts of this page, most recently seen first
 */
public record HostPage(long total, List<Host> items) {

    public HostPage {
        items = List.copyOf(items);
    }
}
