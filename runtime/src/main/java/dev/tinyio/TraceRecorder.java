package dev.tinyio;

import dev.tinyio.internal.loop.LoopClock;
import dev.tinyio.internal.loop.LoopObserver;
import dev.tinyio.internal.vocabulary.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Records runs of a loop as Chrome trace-event JSON, which opens in Perfetto ({@code ui.perfetto.dev}) or
 * {@code chrome://tracing}: one track per coroutine, a span for each step it runs, a span for each wait with what
 * it waits for, and markers for cancellations and errors. Opt in with {@link Loop#recordTo}. Timestamps read the
 * recorded loop's clock: under a {@link TestClock}, its time since its start, so that a program's timeline is the
 * same on every run.
 */
public final class TraceRecorder {
    /** When recording began, the zero of the timeline on the real clock. */
    private final long origin = System.nanoTime();
    private final StringBuilder events = new StringBuilder();
    /** Each recorded coroutine's track; weak, so that recording keeps no finished coroutine alive. */
    private final Map<Coro<?>, Track> tracks = new WeakHashMap<>();
    /** The track of the loops on each thread; weak, so that recording keeps no thread alive. */
    private final Map<Thread, Track> loopTracks = new WeakHashMap<>();
    private int nextTrack = 1;
    /** How the loops this recorder records tell it of their steps. */
    private final LoopObserver observer = new Observer();

    /** A coroutine's track and what is open on it. */
    private static final class Track {
        final int id;
        /** When its current step began. */
        long steppingSince;
        /** When its current wait began, or -1 while not waiting. */
        long waitingSince = -1;
        /** What its current wait is for. */
        String waitingFor;
        /** Whether its end (returned, failed, cancelled, timed out) is marked. */
        boolean ended;

        Track(int id) {
            this.id = id;
        }
    }

    /** A recorder with an empty timeline. */
    public TraceRecorder() {
    }

    /**
     * The timeline so far, as Chrome trace-event JSON.
     *
     * @return a JSON object with a {@code traceEvents} array
     */
    public synchronized String toJson() {
        return "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[" + events + "\n]}\n";
    }

    /**
     * Writes the timeline so far to a file, making its folder if there is none.
     *
     * @param file the file to (over)write
     * @throws IOException if it cannot be written
     */
    public void writeTo(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** How a loop recording to this recorder tells it of its steps. */
    LoopObserver observer() {
        return observer;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Told by the loop
    // -----------------------------------------------------------------------------------------------------------

    /** The recorder as the loops it records see it. */
    private final class Observer implements LoopObserver {
        @Override
        public void stepping(Coro<?> coro) {
            TraceRecorder.this.stepping(coro);
        }

        @Override
        public void stepped(Coro<?> coro, Step.Outcome outcome, Step out) {
            TraceRecorder.this.stepped(coro, outcome, out);
        }

        @Override
        public void failed(Coro<?> coro, Throwable error) {
            ended(coro, "failed: " + safeToString(error));
        }

        @Override
        public void ended(Coro<?> coro, String how) {
            TraceRecorder.this.ended(coro, how);
        }

        @Override
        public void cancelled(Coro<?> coro) {
            TraceRecorder.this.cancelled(coro);
        }

        @Override
        public void cleanedUp(Coro<?> coro) {
            TraceRecorder.this.cleanedUp(coro);
        }

        @Override
        public void idle(LoopClock clock, long since, long until) {
            TraceRecorder.this.idle(Thread.currentThread(), clock, since, until);
        }
    }

    /** A loop's thread waited for a wake-up: a span on that thread's loop track. */
    private synchronized void idle(Thread thread, LoopClock clock, long since, long until) {
        Track track = loopTrack(thread);
        span(track, "idle: waits for a wake-up", micros(clock, since), micros(clock, until), "idle");
    }

    /** A coroutine is about to step: its wait, if any, ends now. */
    private synchronized void stepping(Coro<?> coro) {
        long now = micros();
        Track track = track(coro);
        endWait(track, now);
        track.steppingSince = now;
    }

    /** A coroutine stepped: its running span ends, and if it yielded, a wait begins. */
    private synchronized void stepped(Coro<?> coro, Step.Outcome outcome, Step out) {
        long now = micros();
        Track track = track(coro);
        span(track, "run", track.steppingSince, now, "run");
        switch (outcome) {
            case YIELDED -> {
                track.waitingSince = now;
                track.waitingFor = describe(out);
            }
            case THREW -> end(track, "failed: " + safeToString(out.error), now);
            default -> end(track, "returned", now);
        }
    }

    /** A coroutine was cancelled: its cleanup step begins. */
    private synchronized void cancelled(Coro<?> coro) {
        ended(coro, "cancelled");
        track(coro).steppingSince = micros();
    }

    /** A cancelled coroutine's cleanup step ended. */
    private synchronized void cleanedUp(Coro<?> coro) {
        Track track = track(coro);
        span(track, "run", track.steppingSince, micros(), "run");
    }

    /** A coroutine ended outside its own step (failed, timed out, cancelled): its wait, if any, ends now. */
    private synchronized void ended(Coro<?> coro, String how) {
        long now = micros();
        Track track = track(coro);
        endWait(track, now);
        end(track, how, now);
    }

    private void end(Track track, String how, long now) {
        if (!track.ended) {
            track.ended = true;
            marker(track, how, now);
        }
    }

    private static String safeToString(Object object) {
        try {
            return String.valueOf(object);
        } catch (RuntimeException | StackOverflowError failed) {
            return object.getClass().getName() + " (toString threw " + failed.getClass().getName() + ")";
        }
    }

    private Track track(Coro<?> coro) {
        Track track = tracks.get(coro);
        if (track == null) {
            track = newTrack(safeToString(coro));
            tracks.put(coro, track);
        }
        return track;
    }

    /** The track of the loops that run on a thread, where they wait when nothing is ready. */
    private Track loopTrack(Thread thread) {
        Track track = loopTracks.get(thread);
        if (track == null) {
            track = newTrack("tinyio loop on thread " + thread.getName());
            loopTracks.put(thread, track);
        }
        return track;
    }

    private Track newTrack(String name) {
        Track track = new Track(nextTrack++);
        append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + track.id
                + ",\"args\":{\"name\":" + quote(name) + "}}");
        return track;
    }

    private void endWait(Track track, long now) {
        if (track.waitingSince >= 0) {
            span(track, track.waitingFor, track.waitingSince, now, "wait");
            track.waitingSince = -1;
        }
    }

    private void span(Track track, String name, long start, long end, String category) {
        append("{\"name\":" + quote(name) + ",\"cat\":\"" + category + "\",\"ph\":\"X\",\"pid\":1,\"tid\":"
                + track.id + ",\"ts\":" + start + ",\"dur\":" + Math.max(0, end - start) + "}");
    }

    private void marker(Track track, String name, long at) {
        append("{\"name\":" + quote(name) + ",\"cat\":\"mark\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":"
                + track.id + ",\"ts\":" + at + "}");
    }

    private void append(String event) {
        if (events.length() > 0) {
            events.append(',');
        }
        events.append('\n').append(event);
    }

    private long micros() {
        LoopClock clock = LoopClock.current();
        return micros(clock, clock.nanoTime());
    }

    /** A reading of a loop's clock on the timeline, in microseconds. */
    private long micros(LoopClock clock, long nanoTime) {
        return clock.onTimeline(nanoTime, origin) / 1_000;
    }

    private static String describe(Step out) {
        return switch (out.requestKind()) {
            case BARE -> "yield";
            case ONE -> "waits for " + out.request;
            case LIST -> "gathers " + out.request;
            case SET -> "starts " + out.request;
            default -> "waits for an event or a timeout";
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
