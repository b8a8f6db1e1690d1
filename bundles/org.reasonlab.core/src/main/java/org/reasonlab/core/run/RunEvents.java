package org.reasonlab.core.run;

import java.util.List;
import java.util.Optional;

/**
 * The events read from a log.
 *
 * @param events the readable events in file order (unknown kinds included, as {@link UnknownEvent})
 * @param problems the lines that were skipped and why
 * @param truncatedLastLine whether the last line was cut off (a run that crashed or is writing it)
 */
public record RunEvents(List<RunEvent> events, List<EventLogProblem> problems, boolean truncatedLastLine) {
    public RunEvents {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    public static RunEvents empty() {
        return new RunEvents(List.of(), List.of(), false);
    }

    /** The events of one kind, in file order. */
    public <T extends RunEvent> List<T> ofType(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The last event of a kind. */
    public <T extends RunEvent> Optional<T> last(Class<T> kind) {
        List<T> list = ofType(kind);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /**
     * The status the events show, counting from the last {@code started} event (a resumed run starts
     * again): that attempt's last {@code finished} event's; else failed after an {@code error}; else
     * running. Without a {@code started} event: the last {@code finished} or {@code error} if any, else
     * unknown.
     */
    public RunStatus status() {
        int from = 0;
        boolean started = false;
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof StartedEvent) {
                from = i;
                started = true;
                break;
            }
        }
        RunStatus status = started ? RunStatus.RUNNING : RunStatus.UNKNOWN;
        boolean finished = false;
        for (RunEvent e : events.subList(from, events.size())) {
            if (e instanceof FinishedEvent f) {
                status = f.status();
                finished = true;
            } else if (e instanceof ErrorEvent && !finished) {
                status = RunStatus.FAILED;
            }
        }
        return status;
    }
}
