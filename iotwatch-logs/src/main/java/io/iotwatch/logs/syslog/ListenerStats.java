package io.iotwatch.logs.syslog;

import java.util.Optional;

/** Counters of a {@link SyslogListener}, for each protocol it listens on. */
public record ListenerStats(Optional<UdpStats> udp, Optional<TcpStats> tcp) {}
