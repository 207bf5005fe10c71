package io.iotwatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.web.monitor.SourceStatus;
import org.junit.jupiter.api.Test;

/** A source's state as shown and as told to its listener: each change once, repeats not at all. */
class SourceStateTest {

    private final RecordingListener listener = new RecordingListener();
    private final SourceState state = new SourceState("eth0", "interface", listener);

    @Test
    void eachChangeIsToldOnceAndWhatIsSaidAgainIsNot() {
        state.online();
        state.online();
        state.offline("link down");
        state.offline("link down");
        state.failed("link down", new IllegalStateException("again"));
        state.offline("no such device");
        state.online();
        state.stopped();
        state.stopped();
        state.online();

        assertThat(listener.told()).containsExactly(
                "eth0 interface ONLINE",
                "eth0 interface OFFLINE link down",
                "eth0 interface OFFLINE no such device",
                "eth0 interface ONLINE",
                "eth0 interface STOPPED",
                "eth0 interface ONLINE");
    }

    @Test
    void stoppingAfterAFailureIsAChangeAndKeepsTheProblemShown() {
        state.failed("the sink failed", new IllegalStateException("disk full"));
        state.stopped();

        assertThat(listener.told()).containsExactly("eth0 interface OFFLINE the sink failed", "eth0 interface STOPPED");
        SourceStatus status = state.status(0, 0, 0, "detail");
        assertThat(status.online()).isFalse();
        assertThat(status.detail()).isEqualTo("the sink failed");
    }

    @Test
    void aListenerThatFailsNeitherStopsTheSourceNorKeepsItsStateFromChanging() {
        SourceState failing = new SourceState("demo", "demo", (name, kind, to, reason) -> {
            throw new IllegalStateException("the database is gone");
        });

        failing.online();
        assertThat(failing.status(0, 0, 0, "").online()).isTrue();
        failing.offline("cannot read");
        assertThat(failing.status(0, 0, 0, "").detail()).isEqualTo("cannot read");
        failing.stopped();
        assertThat(failing.status(0, 0, 0, "").online()).isFalse();
    }
}
