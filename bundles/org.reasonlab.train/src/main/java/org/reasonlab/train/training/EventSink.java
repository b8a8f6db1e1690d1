package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunEventCodec;
import org.reasonlab.core.run.RunEventLog;

/** Where run events go: the run's {@code events.jsonl}, stdout as JSON lines, a list (tests), or several. */
public interface EventSink {
    void emit(RunEvent event);

    /** Appends to the run's event log; an I/O failure becomes an {@link java.io.UncheckedIOException}. */
    static EventSink log(RunEventLog log) {
        return e -> {
            try {
                log.append(e);
            } catch (IOException x) {
                throw new UncheckedIOException("cannot append to the event log: " + x.getMessage(), x);
            }
        };
    }

    /** One JSON line per event ({@link RunEventCodec#encode}), flushed. */
    static EventSink jsonLines(PrintStream out) {
        return e -> {
            synchronized (out) {
                out.println(RunEventCodec.encode(e));
                out.flush();
            }
        };
    }

    static EventSink all(EventSink... sinks) {
        List<EventSink> list = List.of(sinks);
        return e -> list.forEach(s -> s.emit(e));
    }

    /** Collects events in memory. */
    final class Collecting implements EventSink {
        private final List<RunEvent> events = new ArrayList<>();

        @Override
        public synchronized void emit(RunEvent event) {
            events.add(event);
        }

        public synchronized List<RunEvent> events() {
            return List.copyOf(events);
        }
    }
}
