package org.reasonlab.core.run.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.io.FileStamp;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.EvaluationProgress;
import org.reasonlab.core.run.EventLogProblem;
import org.reasonlab.core.run.EventTail;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.target.JobState;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunEvents;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.training.TrainingVariant;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;

/**
 * Reads one run folder again and again, cheaply: the event log incrementally ({@link EventTail}), the other files
 * only when their size or time changed. Decides the run's state (a run whose events stop without {@code finished}
 * is {@link RunState#CRASHED} when its registered process has exited, or when no process is registered and the
 * log has not changed for {@link RunProcesses#staleAfter()}), its duration, its accuracy (from
 * {@code metrics.json}, else the last evaluation event) and its misalignment rate (the human one when reasons
 * were reviewed, else 1 - the automatic reason agreement) and the counterfactual probe of its model
 * ({@code probe.json}, when there is one). Never throws for what is in the files: unreadable
 * parts become problems. Not thread-safe; meant for one background job at a time.
 */
public final class RunReader {
    private final Path folder;
    private final RunDirectory run;
    private final RunProcesses processes;
    private final Clock clock;
    private final EventTail tail;
    private final CachedFile<RunSpec> spec;
    private final CachedFile<RunEnvironment> environment;
    private final CachedFile<RunMetrics> metrics;
    private final CachedFile<ProbeResults> probe;
    private List<FileStamp> reviewStamps = List.of();
    private FileStamp reportsStamp;
    private Instant reportsSince;
    private String crashReport;
    private MisalignmentRate human;
    private MisalignmentRate humanClean;
    private String humanProblem;

    public RunReader(Path folder, RunProcesses processes) {
        this(folder, processes, Clock.systemUTC());
    }

    /** @param clock the time a running run's duration and staleness are measured against */
    public RunReader(Path folder, RunProcesses processes, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.run = new RunDirectory(folder);
        this.tail = new EventTail(run.eventsFile());
        this.spec = new CachedFile<>(run.specFile(), RunDirectory.SPEC, f -> run.readSpec());
        this.environment = new CachedFile<>(run.environmentFile(), RunDirectory.ENVIRONMENT, f -> run.readEnvironment());
        this.metrics = new CachedFile<>(run.metricsFile(), RunDirectory.METRICS, RunMetrics::read);
        this.probe = new CachedFile<>(folder.resolve(RunDirectory.PROBE), RunDirectory.PROBE, ProbeJson::read);
    }

    /** Reads a folder once, with no trainer process known (a run without {@code finished} goes stale). */
    public static RunSnapshot readOnce(Path folder) {
        return new RunReader(folder, new RunProcesses()).read();
    }

    public Path folder() {
        return folder;
    }

    /** Reads what changed and returns the run as it is now. */
    public RunSnapshot read() {
        List<String> resultProblems = new ArrayList<>();
        spec.refresh(resultProblems);
        metrics.refresh(resultProblems);
        RunMetrics m = metrics.value();
        if (m != null) {
            m.problems().forEach(p -> resultProblems.add(RunDirectory.METRICS + ": " + p));
        }
        probe.refresh(resultProblems);
        readHumanMisalignment();
        if (humanProblem != null) {
            resultProblems.add(humanProblem);
        }
        List<String> problems = new ArrayList<>(resultProblems);
        environment.refresh(problems);
        try {
            tail.update();
        } catch (IOException e) {
            problems.add(RunDirectory.EVENTS + ": " + e.getMessage());
        }
        RunEvents events = tail.events();

        Optional<StartedEvent> started = events.last(StartedEvent.class);
        List<StepEvent> steps = events.ofType(StepEvent.class);
        List<EvalEvent> evals = events.ofType(EvalEvent.class);
        RunStatus status = events.status();
        RunState state = RunState.of(status);
        String message = null;
        RunTarget remote = readTarget(problems);
        Optional<Boolean> alive = remote != null ? remoteAlive(remote) : processes.isAlive(folder);
        if (status == RunStatus.FAILED) {
            message = events.last(ErrorEvent.class).map(ErrorEvent::message).orElse("The run failed.");
        } else if (status == RunStatus.RUNNING) {
            String why = whyDead(alive);
            if (why != null && remote != null) {
                state = RunState.CRASHED;
                message = "The " + remote.jobText() + " ended (" + remote.job().text() + ") without the run finishing"
                        + (steps.isEmpty() ? "" : "; last step logged: " + steps.get(steps.size() - 1).step())
                        + ": resume it from its newest checkpoint.";
            } else if (why != null) {
                state = RunState.CRASHED;
                message = "The trainer stopped without finishing (" + why + ")"
                        + (steps.isEmpty() ? "" : "; last step logged: " + steps.get(steps.size() - 1).step())
                        + (events.truncatedLastLine() ? "; its last line is cut off" : "") + ".";
            }
        } else if (status == RunStatus.UNKNOWN && alive.orElse(false)) {
            state = RunState.RUNNING;
        } else if (status == RunStatus.UNKNOWN && remote != null && remote.job() != null && remote.job().hasEnded()) {
            if (remote.cancelRequested() != null) { // cancelled while queued or starting: what the user asked for
                state = RunState.CANCELLED;
                message = "Cancelled before the trainer started (" + remote.jobText() + "): resume starts it again.";
            } else {
                state = RunState.CRASHED;
                message = "The " + remote.jobText() + " ended (" + remote.job().text() + ") before the trainer"
                        + " started.";
            }
        }
        if (state == RunState.FAILED || state == RunState.CRASHED) {
            String report = crashReportSince(started.map(StartedEvent::time).orElse(Instant.EPOCH));
            if (report != null) {
                message = (message == null ? "The trainer's JVM crashed" : message) + " (JVM crash report: " + report
                        + " in the run folder)";
            }
        }
        for (EventLogProblem p : events.problems()) {
            boolean beingWritten = state == RunState.RUNNING && events.truncatedLastLine()
                    && p == events.problems().get(events.problems().size() - 1);
            if (!beingWritten) {
                problems.add(RunDirectory.EVENTS + " line " + p.line() + ": " + p.message());
            }
        }

        Double accuracy = measured(m != null ? m.accuracy() : null, evals, "accuracy");
        Double cleanAccuracy = measured(m != null && m.clean() != null ? m.clean().accuracy() : null, evals,
                "cleanAccuracy");
        Double misalignment = human == null || human.reviewed() == 0 ? null : human.rate();
        // leakage is known only where metrics.json has its clean section (older predictions lack the flag)
        boolean leakageKnown = m != null && m.clean() != null;
        Double cleanMisalignment = misalignment == null || !leakageKnown || humanClean == null
                || humanClean.reviewed() == 0 ? null : humanClean.rate();
        boolean automatic = false;
        if (misalignment == null) {
            Double agreement = measured(m != null ? m.reasonAgreement() : null, evals, "reasonAgreement");
            if (agreement != null) {
                misalignment = 1 - agreement;
                automatic = true;
                Double cleanAgreement = measured(m != null && m.clean() != null ? m.clean().reasonAgreement() : null,
                        evals, "cleanReasonAgreement");
                cleanMisalignment = cleanAgreement == null ? null : 1 - cleanAgreement;
            }
        }

        RunSpec s = spec.value();
        boolean pretrained = !Files.exists(run.specFile());
        String name = s != null && s.runId() != null ? s.runId()
                : folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        TrainingMode mode = s != null ? s.mode() : null;
        String model = s != null ? s.model() : null;
        String dataset = s != null ? s.dataset() : null;
        if (m != null) {
            mode = mode == null ? m.mode() : mode;
            model = model == null ? m.model() : model;
            dataset = dataset == null ? m.dataset() : dataset;
        }
        if (started.isPresent()) {
            mode = mode == null ? TrainingMode.parse(started.get().mode()).orElse(null) : mode;
            model = model == null ? started.get().model() : model;
        }
        Long lastStep = steps.isEmpty() ? null : steps.get(steps.size() - 1).step();
        Integer totalSteps = started.map(StartedEvent::totalSteps).orElse(null);
        RunInfo info = new RunInfo(folder, name, state, pretrained, mode, model, dataset, accuracy, misalignment,
                automatic, duration(events, state), lastStep, totalSteps, message, problems, cleanAccuracy,
                cleanMisalignment,
                state == RunState.RUNNING ? EvaluationProgress.current(events.events()).orElse(null) : null, remote,
                probe.value());

        double[] lossSteps = new double[steps.size()];
        double[] loss = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            lossSteps[i] = steps.get(i).step();
            loss[i] = steps.get(i).loss();
        }
        return new RunSnapshot(info, s == null ? null : s.tuning(), s == null ? "" : TrainingVariant.of(s), lossSteps, loss, curves(evals), m, human, humanClean,
                settings(s, m, started), problems, resultProblems);
    }

    /** The name of the newest JVM crash report written since the run (last) started, or null. */
    private String crashReportSince(Instant start) {
        FileStamp now = FileStamp.of(folder); // a new report changes the folder: look again only then
        if (!now.equals(reportsStamp) || !start.equals(reportsSince)) {
            reportsStamp = now;
            reportsSince = start;
            crashReport = run.crashReportSince(start).map(p -> p.getFileName().toString()).orElse(null);
        }
        return crashReport;
    }

    /** Why a run whose events say "running" is not running any more; null while it is. */
    /** target.json of a run on a compute target; null for a local run or when it cannot be read. */
    private RunTarget readTarget(List<String> problems) {
        try {
            return RunTarget.read(folder).orElse(null);
        } catch (IOException e) {
            problems.add(RunTarget.FILE + ": " + e.getMessage());
            return null;
        }
    }

    /** A remote run is alive while its job is queued or runs, as the mirror last heard from the scheduler. */
    private static Optional<Boolean> remoteAlive(RunTarget remote) {
        JobState job = remote.job();
        return job == null || JobState.UNKNOWN.equals(job.state()) ? Optional.of(true) : Optional.of(job.isActive());
    }

    private String whyDead(Optional<Boolean> alive) {
        if (alive.isPresent()) {
            return alive.get() ? null : "its process has exited";
        }
        Duration stale = processes.staleAfter();
        long modified = tail.lastModified();
        boolean dead = modified >= 0 && clock.millis() - modified > stale.toMillis();
        return dead ? "no trainer process is known and the event log has not changed for more than "
                + RunInfo.duration((double) stale.toSeconds()) : null;
    }

    /** The finished event's duration; else from the last start to now (running) or to the last event. */
    private Double duration(RunEvents events, RunState state) {
        Optional<FinishedEvent> finished = events.last(FinishedEvent.class);
        if (finished.isPresent()) {
            return finished.get().durationSeconds();
        }
        Optional<StartedEvent> started = events.last(StartedEvent.class);
        if (started.isEmpty()) {
            return null;
        }
        Instant from = started.get().time();
        Instant to = state == RunState.RUNNING ? clock.instant() : lastTime(events, from);
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static Instant lastTime(RunEvents events, Instant fallback) {
        Instant last = fallback;
        for (RunEvent e : events.events()) {
            if (e.time() != null && e.time().isAfter(last)) {
                last = e.time();
            }
        }
        return last;
    }

    /** The figure from metrics.json, else the last evaluation event's; null when neither has it. */
    private static Double measured(Double fromMetrics, List<EvalEvent> evals, String key) {
        return fromMetrics != null || evals.isEmpty() ? fromMetrics : evals.get(evals.size() - 1).metrics().get(key);
    }

    private static Map<String, double[][]> curves(List<EvalEvent> evals) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (EvalEvent e : evals) {
            for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
                if (m.getValue() != null) {
                    points.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(new double[] {e.step(), m.getValue()});
                }
            }
        }
        Map<String, double[][]> curves = new LinkedHashMap<>();
        points.forEach((k, list) -> {
            double[][] xy = new double[2][list.size()];
            for (int i = 0; i < list.size(); i++) {
                xy[0][i] = list.get(i)[0];
                xy[1][i] = list.get(i)[1];
            }
            curves.put(k, xy);
        });
        return curves;
    }

    private List<String[]> settings(RunSpec s, RunMetrics m, Optional<StartedEvent> started) {
        List<String[]> rows = new ArrayList<>();
        if (s != null) {
            flatten("", RunSpecs.toJson(s), rows);
        } else if (m != null) {
            add(rows, "model", m.model());
            add(rows, "mode", m.mode() == null ? null : m.mode().id());
            add(rows, "dataset", m.dataset());
        }
        RunEnvironment env = environment.value() != null ? environment.value()
                : started.map(StartedEvent::environment).orElse(null);
        if (env != null) {
            flatten("environment.", env.toJson(), rows);
        }
        return rows;
    }

    private static void add(List<String[]> rows, String name, String value) {
        if (value != null) {
            rows.add(new String[] {name, value});
        }
    }

    private static void flatten(String prefix, JsonObject o, List<String[]> rows) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                flatten(prefix + e.getKey() + ".", v.getAsJsonObject(), rows);
            } else if (v.isJsonArray()) {
                List<String> items = new ArrayList<>();
                v.getAsJsonArray().forEach(i -> items.add(i.isJsonPrimitive() ? i.getAsString() : i.toString()));
                rows.add(new String[] {prefix + e.getKey(), String.join(", ", items)});
            } else if (v.isJsonNull()) {
                rows.add(new String[] {prefix + e.getKey(), ""});
            } else {
                rows.add(new String[] {prefix + e.getKey(), v.getAsString()});
            }
        }
    }

    /** The pooled human verdicts over the predictions; read again when either file changed. */
    private void readHumanMisalignment() {
        List<FileStamp> now = List.of(FileStamp.of(run.predictionsFile()), FileStamp.of(ReviewSet.fileOf(run)));
        if (now.equals(reviewStamps)) {
            return;
        }
        reviewStamps = now;
        human = null;
        humanClean = null;
        humanProblem = null;
        if (!now.get(0).exists()) {
            return;
        }
        if (!now.get(1).exists()) {
            human = MisalignmentRate.of(0, 0, 0); // nothing reviewed: no need to read the predictions
            humanClean = human;
            return;
        }
        try {
            List<Prediction> predictions = PredictionsFile.read(run.predictionsFile());
            List<String> keys = new ArrayList<>();
            List<String> cleanKeys = new ArrayList<>();
            for (int i = 0; i < predictions.size(); i++) {
                keys.add(ReviewSet.keyOf(predictions.get(i), i));
                if (!predictions.get(i).leaked()) {
                    cleanKeys.add(keys.get(i));
                }
            }
            ReviewSet reviews = ReviewSet.load(run);
            human = MisalignmentRate.pooled(reviews, keys);
            humanClean = MisalignmentRate.pooled(reviews, cleanKeys);
            if (!reviews.problems().isEmpty()) {
                humanProblem = ReviewsFile.NAME + ": " + reviews.problems().size() + " unreadable line(s)";
            }
        } catch (IOException | RuntimeException e) {
            humanProblem = e.getMessage();
        }
    }

    /**
     * A file read again only when its stamp changed; what it held, or why it could not be read (the readers' messages
     * name the file).
     */
    private static final class CachedFile<T> {
        interface Reader<T> {
            T read(Path file) throws IOException;
        }

        private final Path file;
        private final String name;
        private final Reader<T> reader;
        private FileStamp stamp;
        private T value;
        private String problem;

        CachedFile(Path file, String name, Reader<T> reader) {
            this.file = file;
            this.name = name;
            this.reader = reader;
        }

        void refresh(List<String> problems) {
            FileStamp now = FileStamp.of(file);
            if (!now.equals(stamp)) {
                stamp = now;
                value = null;
                problem = null;
                if (now.exists()) {
                    try {
                        value = reader.read(file);
                    } catch (IOException e) {
                        problem = e.getMessage(); // the readers name the file
                    } catch (RuntimeException e) {
                        problem = name + ": " + e;
                    }
                }
            }
            if (problem != null) {
                problems.add(problem);
            }
        }

        T value() {
            return value;
        }
    }
}
