package org.reasonlab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.EventLogProblem;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunEvents;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads one run folder again and again, cheaply: the event log incrementally ({@link EventTail}), the other files
 * only when their size or time changed. Never throws for what is in the files: unreadable parts become problems.
 * Not thread-safe; meant for one background job at a time.
 */
public final class RunReader {
    private final Path folder;
    private final IContainer container;
    private final RunDirectory run;
    private final EventTail tail;

    private Stamp specStamp = Stamp.NONE;
    private RunSpec spec;
    private String specProblem;
    private Stamp environmentStamp = Stamp.NONE;
    private RunEnvironment environment;
    private String environmentProblem;
    private Stamp metricsStamp = Stamp.NONE;
    private RunMetrics metrics;
    private String metricsProblem;
    private List<Stamp> summaryStamps = List.of();
    private RunSummary summary;
    private String datasetRead;
    private String datasetShown;

    public RunReader(Path folder, IContainer container) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.container = container;
        this.run = new RunDirectory(folder);
        this.tail = new EventTail(run.eventsFile());
    }

    public Path folder() {
        return folder;
    }

    public IContainer container() {
        return container;
    }

    /** Reads what changed and returns the run as it is now. */
    public RunSnapshot read() {
        List<String> problems = new ArrayList<>();
        readSpec();
        readEnvironment();
        readMetrics();
        readSummary();
        try {
            tail.update();
        } catch (IOException e) {
            problems.add(RunDirectory.EVENTS + ": " + e.getMessage());
        }
        RunEvents events = tail.events();
        for (String p : new String[] {specProblem, environmentProblem, metricsProblem}) {
            if (p != null) {
                problems.add(p);
            }
        }

        Optional<StartedEvent> started = events.last(StartedEvent.class);
        Optional<FinishedEvent> finished = events.last(FinishedEvent.class);
        List<StepEvent> steps = events.ofType(StepEvent.class);
        List<EvalEvent> evals = events.ofType(EvalEvent.class);
        RunStatus status = events.status();
        RunState state = RunState.of(status);
        String message = null;
        Optional<Boolean> alive = RunProcesses.isAlive(folder);
        if (status == RunStatus.FAILED) {
            message = events.last(ErrorEvent.class).map(ErrorEvent::message).orElse("The run failed.");
        } else if (status == RunStatus.RUNNING) {
            boolean dead;
            String why;
            if (alive.isPresent()) {
                dead = !alive.get();
                why = "its process has exited";
            } else {
                Duration stale = RunProcesses.staleAfter();
                long modified = tail.lastModified();
                dead = modified >= 0 && System.currentTimeMillis() - modified > stale.toMillis();
                why = "no trainer process is known and the event log has not changed for more than "
                        + RunInfo.duration((double) stale.toSeconds());
            }
            if (dead) {
                state = RunState.CRASHED;
                message = "The trainer stopped without finishing (" + why + ")"
                        + (steps.isEmpty() ? "" : "; last step logged: " + steps.get(steps.size() - 1).step())
                        + (events.truncatedLastLine() ? "; its last line is cut off" : "") + ".";
            }
        } else if (status == RunStatus.UNKNOWN && alive.orElse(false)) {
            state = RunState.RUNNING;
        }
        for (EventLogProblem p : events.problems()) {
            boolean beingWritten = state == RunState.RUNNING && events.truncatedLastLine()
                    && p == events.problems().get(events.problems().size() - 1);
            if (!beingWritten) {
                problems.add(RunDirectory.EVENTS + " line " + p.line() + ": " + p.message());
            }
        }

        Double duration = null;
        if (finished.isPresent()) {
            duration = finished.get().durationSeconds();
        } else if (started.isPresent()) {
            Instant from = started.get().time();
            Instant to = state == RunState.RUNNING ? Instant.now() : lastTime(events, from);
            duration = Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
        }

        Double accuracy = metrics != null ? metrics.accuracy() : null;
        if (accuracy == null && !evals.isEmpty()) {
            accuracy = evals.get(evals.size() - 1).metrics().get("accuracy");
        }
        Double misalignment = summary == null ? null : summary.humanMisalignmentRate();
        boolean automatic = false;
        if (misalignment == null) {
            Double agreement = metrics != null ? metrics.reasonAgreement() : null;
            if (agreement == null && !evals.isEmpty()) {
                agreement = evals.get(evals.size() - 1).metrics().get("reasonAgreement");
            }
            if (agreement != null) {
                misalignment = 1 - agreement;
                automatic = true;
            }
        }

        boolean pretrained = !Files.exists(run.specFile());
        String name = spec != null && spec.runId() != null ? spec.runId()
                : folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        String mode = null;
        String model = null;
        String dataset = null;
        if (spec != null) {
            mode = spec.mode() == null ? null : spec.mode().id();
            model = spec.model();
            dataset = spec.dataset();
        }
        if (metrics != null) {
            mode = mode == null ? metrics.mode() : mode;
            model = model == null ? metrics.model() : model;
            dataset = dataset == null ? metrics.dataset() : dataset;
        }
        if (started.isPresent()) {
            mode = mode == null ? started.get().mode() : mode;
            model = model == null ? started.get().model() : model;
        }
        dataset = shownDataset(dataset);
        Long lastStep = steps.isEmpty() ? null : steps.get(steps.size() - 1).step();
        Integer totalSteps = started.map(StartedEvent::totalSteps).orElse(null);
        RunInfo info = new RunInfo(container, folder, name, state, pretrained, mode, model, dataset, accuracy,
                misalignment, automatic, duration, lastStep, totalSteps, message, problems);

        double[] lossSteps = new double[steps.size()];
        double[] loss = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            lossSteps[i] = steps.get(i).step();
            loss[i] = steps.get(i).loss();
        }
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
        return new RunSnapshot(info, lossSteps, loss, curves, metrics, settings(started), problems);
    }

    /** The dataset as a workspace path when it lies in the workspace, else as given; looked up once per path. */
    private String shownDataset(String dataset) {
        if (dataset == null || dataset.equals(datasetRead)) {
            return dataset == null ? null : datasetShown;
        }
        datasetRead = dataset;
        datasetShown = dataset;
        try {
            for (IFile f : ResourcesPlugin.getWorkspace().getRoot()
                    .findFilesForLocationURI(Path.of(dataset).toAbsolutePath().toUri())) {
                datasetShown = f.getFullPath().toString();
                break;
            }
        } catch (RuntimeException e) {
            // not a path, or no workspace: show it as it is
        }
        return datasetShown;
    }

    /** Only the row. */
    public RunInfo readInfo() {
        return read().info();
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

    private List<String[]> settings(Optional<StartedEvent> started) {
        List<String[]> rows = new ArrayList<>();
        if (spec != null) {
            flatten("", RunSpecs.toJson(spec), rows);
        } else if (metrics != null) {
            add(rows, "model", metrics.model());
            add(rows, "mode", metrics.mode());
            add(rows, "dataset", metrics.dataset());
        }
        RunEnvironment env = environment != null ? environment
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

    private void readSpec() {
        Stamp now = Stamp.of(run.specFile());
        if (now.equals(specStamp)) {
            return;
        }
        specStamp = now;
        spec = null;
        specProblem = null;
        if (now != Stamp.NONE) {
            try {
                spec = run.readSpec();
            } catch (IOException | RuntimeException e) {
                specProblem = RunDirectory.SPEC + ": " + e.getMessage();
            }
        }
    }

    private void readEnvironment() {
        Stamp now = Stamp.of(run.environmentFile());
        if (now.equals(environmentStamp)) {
            return;
        }
        environmentStamp = now;
        environment = null;
        environmentProblem = null;
        if (now != Stamp.NONE) {
            try {
                environment = run.readEnvironment();
            } catch (IOException | RuntimeException e) {
                environmentProblem = RunDirectory.ENVIRONMENT + ": " + e.getMessage();
            }
        }
    }

    private void readMetrics() {
        Stamp now = Stamp.of(run.metricsFile());
        if (now.equals(metricsStamp)) {
            return;
        }
        metricsStamp = now;
        metrics = null;
        metricsProblem = null;
        if (now != Stamp.NONE) {
            try {
                metrics = RunMetrics.read(run.metricsFile());
            } catch (IOException | RuntimeException e) {
                metricsProblem = RunDirectory.METRICS + ": " + e.getMessage();
            }
        }
    }

    /** The human misalignment needs the predictions and the reviews; read through {@link RunSummary}. */
    private void readSummary() {
        List<Stamp> now = List.of(Stamp.of(run.predictionsFile()), Stamp.of(folder.resolve(ReviewsFile.NAME)));
        if (now.equals(summaryStamps)) {
            return;
        }
        summaryStamps = now;
        summary = null;
        if (now.get(0) != Stamp.NONE && now.get(1) != Stamp.NONE) {
            try {
                summary = RunSummary.read(folder);
            } catch (RuntimeException e) {
                summary = null;
            }
        }
    }

    /** A file's size and modification time; {@link #NONE} when it does not exist. */
    record Stamp(long size, long modified) {
        static final Stamp NONE = new Stamp(-1, -1);

        static Stamp of(Path file) {
            try {
                return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                return NONE;
            }
        }
    }
}
