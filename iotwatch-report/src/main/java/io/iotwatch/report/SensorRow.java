package io.iotwatch.report;

/**
 * A sensor (a traffic source of {@code serve} or {@code demo}: a live interface, a syslog listener, a watched folder,
 * the demo) and how it ran in the period, from the changes of its state in the audit log. Its state is
 * {@code online} (receiving), {@code offline} (not receiving, for a reason), {@code stopped} (stopped on request, as
 * iotwatch stops) or {@code unknown} (nothing recorded before).
 *
 * @param name          the sensor as the status page names it: {@code eth0}, {@code syslog udp/5514}, a folder's path,
 *                      {@code demo}
 * @param kind          {@code interface}, {@code syslog}, {@code folder} or {@code demo}; null if its entries lack it
 * @param statusAtStart its state just before the period's beginning
 * @param statusAtEnd   its state at the period's end, changes at that instant included
 * @param onlineSeconds how long it was online within the period, in seconds
 * @param onlineShare   {@code onlineSeconds} over the period's length, 0 to 1; 0 for a period of no length
 * @param changes       changes of its state recorded in the period
 * @param lastProblem   the reason it was offline for last in the period (also when it was offline from before the
 *                      period on), or null if it was not offline in the period
 */
public record SensorRow(String name, String kind, String statusAtStart, String statusAtEnd, double onlineSeconds,
        double onlineShare, long changes, String lastProblem) {}
