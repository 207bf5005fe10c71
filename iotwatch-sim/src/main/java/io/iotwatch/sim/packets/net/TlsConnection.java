package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.proto.Tls;
import java.util.random.RandomGenerator;

/** A TLS session over one TCP connection: handshake, requests and responses of given sizes, close. */
public final class TlsConnection {

    private final TcpFlow flow;
    private final Tls tls;
    private final RandomGenerator rnd;
    private final long clientCrypto;

    /**
     * @param clientCrypto how long the client takes for its key exchange: milliseconds on a microcontroller,
     *                     far less on a phone
     */
    public TlsConnection(TcpFlow flow, Tls tls, RandomGenerator rnd, long clientCrypto) {
        this.flow = flow;
        this.tls = tls;
        this.rnd = rnd;
        this.clientCrypto = clientCrypto;
    }

    public TcpFlow flow() {
        return flow;
    }

    /** Plans the TCP and TLS handshakes from {@code micros} on; returns when the client may send data. */
    public long open(long micros) {
        long t = flow.connect(micros) + 100;
        t = flow.send(true, t, tls.clientHello());
        t = flow.send(false, flow.afterRoundTrip(true, t) + serverTime(), tls.serverHello());
        t = flow.send(true, flow.afterRoundTrip(false, t) + clientCrypto, tls.clientFinished());
        long serverDone = flow.send(false, flow.afterRoundTrip(true, t) + serverTime(), tls.serverFinished());
        // A TLS 1.3 client may send right after its Finished (the connection still orders it after the server's
        // ticket, already planned); a 1.2 client waits for the server's Finished.
        return tls.tls13() ? t + 200 : flow.afterRoundTrip(false, serverDone);
    }

    /** Plans a request of {@code requestBytes} and, after {@code processing}, a response; returns when it ends. */
    public long request(long micros, int requestBytes, long processing, int responseBytes) {
        return flow.exchange(true, micros, tls.applicationData(requestBytes), processing, tls.applicationData(responseBytes));
    }

    /** Plans a message the server sends unasked (a push) and the client's answer. */
    public long push(long micros, int pushBytes, long processing, int answerBytes) {
        return flow.exchange(false, micros, tls.applicationData(pushBytes), processing, tls.applicationData(answerBytes));
    }

    /** Plans close_notify and an orderly TCP close by one side. */
    public long close(boolean clientFirst, long micros) {
        long t = flow.send(clientFirst, micros, tls.closeNotify());
        return flow.close(clientFirst, t + 50);
    }

    private long serverTime() {
        return 300 + rnd.nextLong(1_500);
    }
}
