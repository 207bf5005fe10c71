package io.iotwatch.sim.logs;

/**
 * One finished firewall session, the content of a traffic log line.
 *
 * @param srcIp      initiator address
 * @param srcPort    initiator port
 * @param dstIp      responder address
 * @param dstPort    responder port (2048 for ICMP echo, as FortiOS logs type 8 code 0)
 * @param proto      IP protocol number
 * @param service    FortiOS service name
 * @param app        application control name, empty if none
 * @param action     accept, close, timeout, client-rst, server-rst or deny
 * @param duration   seconds
 * @param sent       bytes from the initiator
 * @param rcvd       bytes from the responder
 * @param dstCountry country of the responder
 */
record Session(String srcIp, int srcPort, String dstIp, int dstPort, int proto, String service, String app,
               String action, long duration, long sent, long rcvd, String dstCountry) {
}
