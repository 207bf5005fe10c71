package io.iotwatch.packet.live;

/**
 * libpcap's counters for a live capture since it was opened (struct pcap_stat), widened to 64 bits so
 * that they do not wrap. On Linux:
 *
 * @param received packets that passed the capture filter and reached the capture socket, including those
 *     then dropped for lack of room ({@code ps_recv})
 * @param droppedByKernel packets the kernel dropped because the capture buffer was full: this reader did
 *     not keep up, and a larger buffer or a faster consumer would have kept them ({@code ps_drop})
 * @param droppedByInterface packets the network interface or its driver dropped before the kernel saw
 *     them, which no setting of the capture can recover; libpcap counts these only in promiscuous mode
 *     ({@code ps_ifdrop})
 */
public record CaptureStats(long received, long droppedByKernel, long droppedByInterface) {}
