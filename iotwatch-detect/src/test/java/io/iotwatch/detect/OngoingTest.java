package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OngoingTest {

    private static final class Tally implements Ongoing.Incident {
        final String name;
        long seen;
        long reported;
        long lastEvent;

        Tally(String name) {
            this.name = name;
        }

        @Override
        public boolean grewSinceReport() {
            return seen > reported;
        }

        @Override
        public long lastEventMillis() {
            return lastEvent;
        }
    }

    @Test
    void growingIncidentsAreReportedAgainAndQuietOnesLetGo() {
        Ongoing<Tally> ongoing = new Ongoing<>();
        Tally flood = new Tally("flood");
        Tally other = new Tally("other");
        flood.seen = 10;
        flood.reported = 10;
        flood.lastEvent = 1_000;
        other.seen = 5;
        other.reported = 5;
        other.lastEvent = 1_000;
        ongoing.add(flood);
        ongoing.add(other);
        List<String> reports = new ArrayList<>();

        flood.seen = 15;
        flood.lastEvent = 4_000;
        ongoing.advance(5_000, 2_000, t -> {
            reports.add(t.name);
            t.reported = t.seen;
        });

        assertThat(reports).containsExactly("flood");
        assertThat(ongoing.contains(flood)).isTrue();
        assertThat(ongoing.contains(other)).as("quiet for more than 2 s").isFalse();

        ongoing.advance(7_000, 2_000, t -> reports.add(t.name));
        assertThat(reports).containsExactly("flood");
        assertThat(ongoing.contains(flood)).isFalse();
    }
}
