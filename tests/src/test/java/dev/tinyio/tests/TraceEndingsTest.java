package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording covers every way a coroutine ends (returned, failed, cancelled with its cleanup, timed out, cut off
 * by a cycle or an invalid yield), writes any text, never changes what a run throws, and a dump can be taken from
 * another thread at any time.
 */
class TraceEndingsTest {
    /** The events of each track, by track id. */
    static Map<Integer, List<JsonNode>> byTrack(String json) throws Exception {
        JsonNode events = new ObjectMapper().readTree(json).get("traceEvents");
        Map<Integer, List<JsonNode>> tracks = new TreeMap<>();
        for (JsonNode e : events) {
            tracks.computeIfAbsent(e.get("tid").asInt(), k -> new ArrayList<>()).add(e);
        }
        return tracks;
    }

    /** The names of the events of one phase ("X" spans, "i" markers). */
    static List<String> names(List<JsonNode> events, String ph) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.get("ph").asText().equals(ph)) {
                out.add(e.get("name").asText());
            }
        }
        return out;
    }

    /** The events of a coroutine's track, found by the identity its name starts with. */
    static List<JsonNode> trackOf(String json, Object coro) throws Exception {
        String identity = "Coro@" + Integer.toHexString(System.identityHashCode(coro)) + "[";
        for (List<JsonNode> track : byTrack(json).values()) {
            for (JsonNode e : track) {
                if (e.get("ph").asText().equals("M") && e.get("args").get("name").asText().startsWith(identity)) {
                    return track;
                }
            }
        }
        throw new AssertionError("no track for " + coro + " in " + json);
    }

    /**
     * There are tracks, and every coroutine's track has a marker: its end. The loop's own tracks hold only its idle
     * waits.
     */
    static void everyTrackEnds(String json) throws Exception {
        assertFalse(byTrack(json).isEmpty(), "nothing recorded");
        for (var entry : byTrack(json).entrySet()) {
            if (entry.getValue().get(0).get("args").get("name").asText().startsWith("tinyio loop on thread ")) {
                continue;
            }
            List<String> marks = names(entry.getValue(), "i");
            assertFalse(marks.isEmpty(), "track " + entry.getKey() + " has no end marker: " + entry.getValue());
        }
    }

    @Test
    void a_cycle_records_the_roots_wait_and_its_end() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Coro<?>[] self = new Coro<?>[1];
        self[0] = Coro.of(() -> Coro.yield(self[0]));
        assertThrows(CancelledError.class, () -> new Loop().recordTo(recorder).run(self[0]));
        String json = recorder.toJson();
        List<JsonNode> root = byTrack(json).get(1);
        assertTrue(names(root, "X").stream().anyMatch(n -> n.startsWith("waits for")), json);
        everyTrackEnds(json);
    }

    @Test
    void a_timeout_ends_the_wait_of_the_coroutine_it_cuts_off() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Coro<Void> sleep = Tinyio.sleep(Duration.ofSeconds(5));
        Coro<Void> slow = Coro.ofVoid(() -> Coro.yield(sleep));
        new Loop().recordTo(recorder).run(Coro.ofVoid(() -> {
            Coro.yield(Tinyio.timeout(slow, Duration.ofMillis(20)));
        }));
        String json = recorder.toJson();
        everyTrackEnds(json);
        List<JsonNode> cutOff = trackOf(json, slow);
        assertEquals(List.of("run", "waits for " + sleep), names(cutOff, "X"), json);
        assertEquals(List.of("timed out"), names(cutOff, "i"), json);
        assertEquals(List.of("cancelled"), names(trackOf(json, sleep), "i"), json);
    }

    @Test
    void an_invalid_yield_records_its_end() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Coro<Void> other = Coro.ofVoid(() -> { });
        new Loop().run(other);
        assertThrows(CancelledError.class, () -> new Loop().recordTo(recorder).run(Coro.ofVoid(() -> {
            Coro.yield(other); // started by another loop
        })));
        everyTrackEnds(recorder.toJson());
    }

    @Test
    void an_error_message_cut_mid_emoji_can_be_written(@TempDir Path folder) throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        String cut = "bad input: \uD83D\uDE00\uD83D\uDE00".substring(0, 12);
        assertThrows(IllegalStateException.class, () -> new Loop().recordTo(recorder).run(Coro.ofVoid(() -> {
            throw new IllegalStateException(cut);
        })));
        Path file = folder.resolve("t.json");
        recorder.writeTo(file);
        String json = Files.readString(file);
        List<String> ends = new ArrayList<>();
        for (List<JsonNode> track : byTrack(json).values()) {
            ends.addAll(names(track, "i"));
        }
        assertEquals(List.of("failed: java.lang.IllegalStateException: " + cut), ends, json);
    }

    /** An exception whose message cannot be read. */
    static final class Nasty extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("no message");
        }
    }

    @Test
    void recording_does_not_change_what_a_failing_run_throws() {
        TraceRecorder recorder = new TraceRecorder();
        assertThrows(Nasty.class, () -> new Loop().run(Coro.ofVoid(() -> { throw new Nasty(); })));
        assertThrows(Nasty.class, () -> new Loop().recordTo(recorder).run(Coro.ofVoid(() -> { throw new Nasty(); })));
    }

    @Test
    void a_cancelled_coroutines_cleanup_is_a_run_span() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Coro<Void> waiter = Coro.ofVoid(() -> {
            try {
                Coro.yield(new Event().await());
            } finally {
                long end = System.nanoTime() + 5_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
        });
        assertThrows(IllegalStateException.class, () -> new Loop().recordTo(recorder).run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(waiter));
            Coro.yield();
            throw new IllegalStateException("boom");
        })));
        String json = recorder.toJson();
        List<JsonNode> w = byTrack(json).get(2);
        assertEquals(2, names(w, "X").stream().filter(n -> n.equals("run")).count(), json);
    }

    @Test
    void dump_from_another_thread_mid_run() throws Exception {
        Loop loop = new Loop();
        Event stop = new Event();
        CountDownLatch running = new CountDownLatch(1);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        int[] dumps = {0};
        String[] notMidRun = new String[1];
        Thread t = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            // The run goes on until this thread stops it: every dump below is taken mid-run.
            long end = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < end) {
                try {
                    String dump = loop.dump();
                    dumps[0]++;
                    if (!dump.startsWith("tinyio loop run of ") && notMidRun[0] == null) {
                        notMidRun[0] = dump;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }
            stop.set();
        });
        t.start();
        loop.run(Coro.ofVoid(() -> {
            running.countDown();
            while (!stop.isSet()) {
                List<Coro<Integer>> many = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    many.add(Coro.of(() -> {
                        Coro.yield();
                        return 1;
                    }));
                }
                Coro.yield(many);
            }
        }));
        t.join();
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(dumps[0] > 0);
        assertNull(notMidRun[0], "a dump taken mid-run said: " + notMidRun[0]);
    }
}
