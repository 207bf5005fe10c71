package io.iotwatch.sim.logs;

import java.util.List;

/**
 * A recurring connection of a device class: one (protocol, port) to a fixed set of endpoints.
 *
 * @param proto        IP protocol number (6 tcp, 17 udp)
 * @param port         destination port
 * @param service      FortiOS service name
 * @param app          application control name, empty when FortiOS would not identify one
 * @param destinations endpoints the device picks from (one per device, so several devices share each)
 * @param minPeriod    shortest mean period in seconds; a device draws its own period once
 * @param maxPeriod    longest mean period in seconds
 * @param jitter       relative jitter of every interval
 * @param daytimeOnly  whether the flow follows the day/night rhythm (four times rarer at night)
 * @param minDuration  shortest session in seconds
 * @param maxDuration  longest session in seconds
 * @param minSent      smallest sentbyte
 * @param maxSent      largest sentbyte
 * @param minRcvd      smallest rcvdbyte
 * @param maxRcvd      largest rcvdbyte
 */
record FlowSpec(int proto, int port, String service, String app, List<Endpoint> destinations,
                double minPeriod, double maxPeriod, double jitter, boolean daytimeOnly,
                double minDuration, double maxDuration, long minSent, long maxSent, long minRcvd, long maxRcvd) {
}
