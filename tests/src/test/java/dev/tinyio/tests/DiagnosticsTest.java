package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import dev.tinyio.TraceRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeing what a loop does: its dump, and a recorded timeline. */
class DiagnosticsTest {
    static int waitInHelper(Event event) {
        Coro.yield(event.await());
        return 1;
    }

    @Test
    void a_dump_shows_what_each_coroutine_waits_for_and_where_it_is_suspended() {
        Loop loop = new Loop();
        Event never = new Event();
        String[] dump = new String[1];
        Coro<Integer> waiter = Coro.of(() -> waitInHelper(never));
        loop.run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(waiter));
            Coro.yield();
            dump[0] = loop.dump();
            never.set();
        }));
        assertTrue(dump[0].contains("waits for [Coro@"), dump[0]);
        assertTrue(dump[0].contains("Event.await()"), dump[0]);
        assertTrue(dump[0].contains("at " + DiagnosticsTest.class.getName() + ".waitInHelper(DiagnosticsTest.java:"),
                dump[0]);
        // The root, which took the dump, is running: the frames it saved when it last yielded are not where it is.
        assertTrue(dump[0].contains("\n    running, or not yet started\n  Coro@"), dump[0]);
        assertEquals("tinyio loop: not running\n", loop.dump());
    }

    @Test
    void the_runtimes_own_coroutines_are_named_after_what_made_them() {
        Event event = new Event();
        assertEquals("Tinyio.sleep(PT1H)", Tinyio.sleep(Duration.ofHours(1)).name());
        assertEquals("Event.await()", event.await().name());
        assertEquals("Event.await(PT5S)", event.await(Duration.ofSeconds(5)).name());
        List<String> names = new ArrayList<>();
        new Loop().run(Coro.ofVoid(() -> {
            Coro<Integer> copy = Coro.yield(Tinyio.copy(Coro.of(() -> 1)));
            names.add(copy.name());
            Coro.yield(copy);
            for (Coro<Integer> completion : Coro.yield(Tinyio.asCompleted(Set.of(Coro.of(() -> 2))))) {
                names.add(completion.name());
                Coro.yield(completion);
            }
        }));
        assertEquals(List.of("Tinyio.copy()", "asCompleted completion 0()"), names);
    }

    @Test
    void a_cycle_logs_the_dump() {
        Coro<?>[] self = new Coro<?>[1];
        self[0] = Coro.of(() -> Coro.yield(self[0]));
        List<String> logged = new ArrayList<>();
        for (LogRecord record : LogCapture.during(() -> assertThrows(CancelledError.class,
                () -> new Loop().run(self[0])))) {
            logged.add(record.getMessage());
        }
        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).startsWith("Cycle detected"), logged.get(0));
        assertTrue(logged.get(0).contains("waits for [Coro@"), logged.get(0));
    }

    @Test
    void a_recorded_timeline_is_trace_event_json_with_a_track_per_coroutine(@TempDir Path folder)
            throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Loop loop = new Loop().recordTo(recorder);
        Coro<Integer> sleeper = Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofMillis(20)));
            return 1;
        });
        Coro<Void> waiter = Coro.ofVoid(() -> Coro.yield(new Event().await()));
        assertThrows(IllegalStateException.class, () -> loop.run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(waiter));
            Coro.yield(sleeper);
            throw new IllegalStateException("boom");
        })));
        Path file = folder.resolve("run.json");
        recorder.writeTo(file);
        JsonNode events = new ObjectMapper().readTree(Files.readString(file)).get("traceEvents");
        Set<Integer> named = new HashSet<>();
        Map<Integer, Long> lastEnd = new HashMap<>();
        Set<String> markers = new HashSet<>();
        Set<Integer> used = new HashSet<>();
        for (JsonNode event : events) {
            int track = event.get("tid").asInt();
            switch (event.get("ph").asText()) {
                case "M" -> assertTrue(named.add(track), "one name per track");
                case "X" -> {
                    used.add(track);
                    long start = event.get("ts").asLong();
                    long end = start + event.get("dur").asLong();
                    assertTrue(start >= lastEnd.getOrDefault(track, 0L), "spans of a track overlap: " + event);
                    lastEnd.put(track, end);
                }
                case "i" -> {
                    used.add(track);
                    markers.add(event.get("name").asText());
                }
                default -> throw new AssertionError("unexpected event " + event);
            }
        }
        assertTrue(named.containsAll(used), "every event is on a named track");
        assertTrue(named.size() >= 4, "a track per coroutine: root, waiter, sleeper, its sleep, the await");
        assertTrue(markers.contains("cancelled"), markers::toString);
        assertTrue(markers.stream().anyMatch(m -> m.startsWith("failed: java.lang.IllegalStateException: boom")),
                markers::toString);
        assertTrue(markers.contains("returned"), markers::toString);
    }
}
