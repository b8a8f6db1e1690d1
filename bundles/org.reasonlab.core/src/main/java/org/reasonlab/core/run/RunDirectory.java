package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.google.gson.JsonElement;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.review.ReviewsFile;

/**
 * The folder of one run and the names of its files; see the package documentation for who writes
 * what, and when.
 */
public final class RunDirectory {
    public static final String SPEC = "spec.json";
    public static final String ENVIRONMENT = "environment.json";
    public static final String EVENTS = "events.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String PREDICTIONS = "predictions.jsonl";
    public static final String METRICS = "metrics.json";
    public static final String ADAPTER = "adapter";
    public static final String MERGED = "merged";
    /** A counterfactual probe of the run's model ({@code reasonlab probe --run}; {@code ProbeJson}). */
    public static final String PROBE = "probe.json";
    /**
     * The JVM's crash report ({@code hs_err_pid<pid>.log}) when the trainer's JVM dies of a native crash: launchers
     * pass {@link #crashReportOptions(Path)} so that it lands in the run folder, not in the working directory.
     */
    public static final String CRASH_REPORT_PREFIX = "hs_err_pid";
    /** A checkpoint folder is {@code checkpoints/step-<step>}, the step without leading zeros. */
    public static final String CHECKPOINT_PREFIX = "step-";

    /** Every file and folder of a run (besides crash reports): what {@link #clearRun()} removes. */
    public static final List<String> RUN_FILES = List.of(SPEC, ENVIRONMENT, EVENTS, CHECKPOINTS, PREDICTIONS, METRICS,
            ReviewsFile.NAME, ADAPTER, MERGED, PROBE);

    private final Path root;

    public RunDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    public Path specFile() {
        return root.resolve(SPEC);
    }

    public Path environmentFile() {
        return root.resolve(ENVIRONMENT);
    }

    public Path eventsFile() {
        return root.resolve(EVENTS);
    }

    public Path checkpointsDir() {
        return root.resolve(CHECKPOINTS);
    }

    public Path checkpointDir(long step) {
        return checkpointsDir().resolve(CHECKPOINT_PREFIX + step);
    }

    /** The path a {@link CheckpointEvent} records for a step: relative, with {@code /}. */
    public static String checkpointPath(long step) {
        return CHECKPOINTS + "/" + CHECKPOINT_PREFIX + step;
    }

    public Path predictionsFile() {
        return root.resolve(PREDICTIONS);
    }

    public Path metricsFile() {
        return root.resolve(METRICS);
    }

    /** The LoRA adapter in PEFT's layout ({@code adapter_config.json}, {@code adapter_model.safetensors}). */
    public Path adapterDir() {
        return root.resolve(ADAPTER);
    }

    /** The base model with the adapter merged in, in Hugging Face's layout. */
    public Path mergedDir() {
        return root.resolve(MERGED);
    }

    /**
     * The options of a trainer JVM for this run folder: the crash report goes into it, and the JVM gives up writing
     * the report after a minute (a JVM that crashed under heavy load was once seen to hang while writing it).
     */
    public static List<String> crashReportOptions(Path runFolder) {
        return List.of("-XX:ErrorFile=" + runFolder.toAbsolutePath().resolve(CRASH_REPORT_PREFIX + "%p.log"),
                "-XX:ErrorLogTimeout=60");
    }

    /** The newest JVM crash report written at or after {@code since} (the start of an attempt), if any. */
    public Optional<Path> crashReportSince(Instant since) {
        Path newest = null;
        FileTime newestTime = null;
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(root, CRASH_REPORT_PREFIX + "*.log")) {
                for (Path f : files) {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (!t.toInstant().isBefore(since) && (newestTime == null || t.compareTo(newestTime) > 0)) {
                        newest = f;
                        newestTime = t;
                    }
                }
            } catch (IOException e) {
                // a report that cannot be listed cannot be named
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * Whether the folder already holds a run ({@code spec.json}, {@code events.jsonl} or {@code checkpoints/}), so that
     * starting another one in it would mix their event logs and checkpoints.
     */
    public boolean holdsRun() {
        return Files.exists(specFile(), LinkOption.NOFOLLOW_LINKS) || Files.exists(eventsFile(), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(checkpointsDir(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Removes the run's files and folders ({@link #RUN_FILES}) and the JVM crash reports from the folder, leaving
     * everything else in it; a symbolic link among them is removed, not what it points to.
     */
    public void clearRun() throws IOException {
        for (String name : RUN_FILES) {
            deleteTree(root.resolve(name));
        }
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> reports = Files.newDirectoryStream(root, CRASH_REPORT_PREFIX + "*.log")) {
                for (Path report : reports) {
                    Files.deleteIfExists(report);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Creates the run folder and its {@code checkpoints/} folder and writes {@code spec.json}. */
    public void create(RunSpec spec) throws IOException {
        Files.createDirectories(checkpointsDir());
        RunSpecs.write(spec, specFile());
    }

    public RunSpec readSpec() throws IOException {
        return RunSpecs.read(specFile());
    }

    public void writeEnvironment(RunEnvironment environment) throws IOException {
        byte[] bytes = (JsonFields.PRETTY.toJson(environment.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(environmentFile(), out -> out.write(bytes));
    }

    public RunEnvironment readEnvironment() throws IOException {
        try {
            JsonElement e = JsonFields.parse(Files.readString(environmentFile(), StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IOException(environmentFile() + ": not a JSON object");
            }
            return RunEnvironment.fromJson(e.getAsJsonObject());
        } catch (IllegalArgumentException e) {
            throw new IOException(environmentFile() + ": " + e.getMessage(), e);
        }
    }

    public RunEventLog openEventLog() throws IOException {
        Files.createDirectories(root);
        return RunEventLog.open(eventsFile());
    }

    public RunEvents readEvents() throws IOException {
        return RunEventReader.read(eventsFile());
    }

    /**
     * The status the events show (see {@link RunEvents#status()}). A run whose process died
     * without writing {@code finished} stays {@link RunStatus#RUNNING}: the folder cannot tell it
     * from a live run, only whoever started the process can.
     */
    public RunStatus status() throws IOException {
        return readEvents().status();
    }

    /** The steps of the checkpoint folders present, ascending. */
    public List<Long> checkpointSteps() throws IOException {
        List<Long> steps = new ArrayList<>();
        if (!Files.isDirectory(checkpointsDir())) {
            return steps;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(checkpointsDir(), Files::isDirectory)) {
            for (Path dir : dirs) {
                stepOf(dir.getFileName().toString()).ifPresent(steps::add);
            }
        }
        steps.sort(Comparator.naturalOrder());
        return steps;
    }

    private static OptionalLong stepOf(String name) {
        if (!name.startsWith(CHECKPOINT_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(CHECKPOINT_PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return "RunDirectory[" + root + "]";
    }
}
