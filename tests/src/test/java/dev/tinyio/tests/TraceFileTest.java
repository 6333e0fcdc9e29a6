package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import dev.tinyio.TraceRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a trace file shows of a run: coroutines by name, and the loop's own waits when nothing is ready. */
class TraceFileTest {
    @Test
    void the_trace_is_written_into_folders_that_do_not_exist_yet(@TempDir Path temp) throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        new Loop().recordTo(recorder).run(Coro.of(() -> 1));
        Path file = temp.resolve("traces/today/run.json");
        recorder.writeTo(file);
        assertEquals(recorder.toJson(), Files.readString(file));
        new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void each_track_is_titled_with_its_coroutine_and_its_name() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        Coro<Integer> fetcher = Coro.of("fetcher", () -> 7);
        new Loop().recordTo(recorder).run(fetcher);
        assertEquals(List.of(fetcher.toString()), titles(recorder.toJson()).values().stream().toList());
        assertTrue(fetcher.toString().endsWith("[fetcher]"), fetcher.toString());
    }

    @Test
    void the_loop_waiting_for_a_wake_up_shows_as_an_idle_span_on_its_own_track() throws Exception {
        TraceRecorder recorder = new TraceRecorder();
        new Loop().recordTo(recorder).run(Coro.ofVoid(() -> Coro.yield(Tinyio.sleep(Duration.ofMillis(1)))));
        String json = recorder.toJson();
        Map<Integer, String> titles = titles(json);
        int loopTrack = titles.entrySet().stream()
                .filter(t -> t.getValue().equals("tinyio loop on thread " + Thread.currentThread().getName()))
                .findFirst().orElseThrow(() -> new AssertionError(titles.toString())).getKey();
        List<JsonNode> idle = TraceEndingsTest.byTrack(json).get(loopTrack).stream()
                .filter(e -> e.get("ph").asText().equals("X")).toList();
        assertTrue(!idle.isEmpty(), json);
        for (JsonNode span : idle) {
            assertEquals("idle: waits for a wake-up", span.get("name").asText());
            assertEquals("idle", span.get("cat").asText());
        }
    }

    /** Each track's title, by track id. */
    private static Map<Integer, String> titles(String json) throws Exception {
        Map<Integer, String> titles = new java.util.TreeMap<>();
        for (JsonNode e : new ObjectMapper().readTree(json).get("traceEvents")) {
            if (e.get("ph").asText().equals("M")) {
                titles.put(e.get("tid").asInt(), e.get("args").get("name").asText());
            }
        }
        return titles;
    }
}
