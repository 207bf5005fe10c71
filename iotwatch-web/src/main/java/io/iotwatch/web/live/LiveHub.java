package io.iotwatch.web.live;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends server-sent events to every connected browser. Publishers (the detection path, triage, the
 * statistics ticker) only enqueue: one thread of the hub writes to the clients, so a slow browser never
 * slows detection down. When the queue is full (no thread keeps up with the browsers), messages are
 * dropped and counted: the live view is a convenience, everything is in the store.
 */
public final class LiveHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final int QUEUE = 10_000;

    private record Message(String event, String json) {}

    private static final Message STOP = new Message("", "");

    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;

    public LiveHub() {
        sender = Thread.ofPlatform().name("iotwatch-live").daemon().start(this::send);
    }

    /** Keeps {@code client} open and sends it every message from now on. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
    }

    /** Queues an event of type {@code event} with {@code json} as its data, for every client. */
    public void publish(String event, String json) {
        if (clients.isEmpty()) {
            return;
        }
        if (!queue.offer(new Message(event, json))) {
            dropped.incrementAndGet();
        }
    }

    public int clients() {
        return clients.size();
    }

    /** Messages dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
        queue.clear();
        queue.put(STOP);
        sender.join(TimeUnit.SECONDS.toMillis(5));
        clients.forEach(SseClient::close);
    }

    private void send() {
        try {
            while (true) {
                Message message = queue.take();
                if (message == STOP) {
                    return;
                }
                for (SseClient client : clients) {
                    if (client.terminated()) {
                        clients.remove(client);
                        continue;
                    }
                    try {
                        client.sendEvent(message.event(), message.json());
                    } catch (RuntimeException gone) {
                        LOG.debug("live client gone: {}", gone.toString());
                        clients.remove(client);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
