package io.iotwatch.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.store.EventStore;
import io.iotwatch.web.monitor.Monitor;
import io.iotwatch.web.live.LiveHub;
import java.time.Clock;

/** What the API's routes share. */
public record ApiContext(EventStore store, Monitor monitor, Clock clock, ObjectMapper json, LiveHub hub) {}
