package org.reasonlab.ui.internal.markers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;

/**
 * Replaces a file's dataset problem markers ({@link DatasetMarkers#PROBLEM}) in one workspace
 * operation, so the Problems view updates once.
 * <p>
 * A file gets at most {@link #limit()} problem markers (default {@value #DEFAULT_LIMIT}): the
 * Problems view and the workspace snapshot do not cope well with more, and a dataset with that many
 * problems needs the dataset editor anyway. When there are more problems, the most serious are kept
 * (all errors before any warning, all warnings before any info, in entry order within a severity)
 * and one more marker, {@link DatasetMarkers#KIND_MORE_PROBLEMS}, says how many of each severity are
 * not shown; it has the severity of the most serious problem left out.
 * <p>
 * When the file already has exactly the markers wanted (same attributes), nothing is changed, so
 * saving a file without changing its problems does not disturb the Problems view.
 */
public final class DatasetProblemMarkers {
    /** The default maximum number of problem markers per file. */
    public static final int DEFAULT_LIMIT = 10_000;
    /** Longest message kept in a marker, in characters (markers cannot store very long strings). */
    static final int MAX_TEXT = 2_000;

    private final int limit;

    public DatasetProblemMarkers() {
        this(DEFAULT_LIMIT);
    }

    /** @param limit the maximum number of problem markers per file, at least 1 */
    public DatasetProblemMarkers(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** The maximum number of problem markers per file (the "more problems" marker not counted). */
    public int limit() {
        return limit;
    }

    /** Replaces the file's markers by one per problem (within the limit). Does nothing when the file does not exist. */
    public void replace(IFile file, List<ValidationProblem> problems, IProgressMonitor monitor) throws CoreException {
        set(file, markerAttributes(problems), monitor);
    }

    /**
     * Replaces the file's markers by one error saying that the file cannot be read.
     *
     * @param message what is wrong, for a person
     * @param line the 1-based line the problem is on, or 0 when it concerns the whole file
     */
    public void replaceWithReadError(IFile file, String message, int line, IProgressMonitor monitor)
            throws CoreException {
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
        a.put(IMarker.MESSAGE, clip(message));
        a.put(IMarker.LOCATION, line > 0 ? "line " + line : "whole file");
        if (line > 0) {
            a.put(IMarker.LINE_NUMBER, line);
        }
        a.put(IMarker.SOURCE_ID, DatasetMarkers.SOURCE_ID);
        a.put(DatasetMarkers.KIND, DatasetMarkers.KIND_READ_ERROR);
        set(file, List.of(a), monitor);
    }

    /** Removes the dataset problem markers of the resource (and, with a depth, of its members). */
    public static void clear(IResource resource, int depth) throws CoreException {
        if (resource.exists()) {
            resource.deleteMarkers(DatasetMarkers.PROBLEM, true, depth);
        }
    }

    /** The dataset problem markers of the resource itself. */
    public static IMarker[] markersOf(IResource resource) throws CoreException {
        return resource.exists() ? resource.findMarkers(DatasetMarkers.PROBLEM, true, IResource.DEPTH_ZERO)
                : new IMarker[0];
    }

    /**
     * The attributes of the markers for these problems: at most {@link #limit()} problems (the
     * most serious, in the given order), then the "more problems" marker if some were left out.
     */
    public List<Map<String, Object>> markerAttributes(List<ValidationProblem> problems) {
        int total = problems.size();
        List<Map<String, Object>> result = new ArrayList<>(Math.min(total, limit) + 1);
        if (total <= limit) {
            for (ValidationProblem p : problems) {
                result.add(attributes(p));
            }
            return result;
        }
        EnumMap<Severity, Integer> count = new EnumMap<>(Severity.class);
        for (ValidationProblem p : problems) {
            count.merge(p.severity(), 1, Integer::sum);
        }
        EnumMap<Severity, Integer> quota = new EnumMap<>(Severity.class);
        int budget = limit;
        for (Severity s : Severity.values()) {
            int take = Math.min(budget, count.getOrDefault(s, 0));
            quota.put(s, take);
            budget -= take;
        }
        EnumMap<Severity, Integer> omitted = new EnumMap<>(Severity.class);
        for (ValidationProblem p : problems) {
            int left = quota.get(p.severity());
            if (left > 0) {
                quota.put(p.severity(), left - 1);
                result.add(attributes(p));
            } else {
                omitted.merge(p.severity(), 1, Integer::sum);
            }
        }
        result.add(moreAttributes(omitted));
        return result;
    }

    private static Map<String, Object> attributes(ValidationProblem p) {
        Map<String, Object> a = new HashMap<>(16);
        a.put(IMarker.SEVERITY, DatasetMarkers.severity(p.severity()));
        a.put(IMarker.MESSAGE, clip(DatasetMarkers.message(p)));
        a.put(IMarker.LOCATION, clip(DatasetMarkers.location(p.line(), p.recordId(), p.entryIndex())));
        if (p.line() > 0) {
            a.put(IMarker.LINE_NUMBER, p.line());
        }
        a.put(IMarker.SOURCE_ID, DatasetMarkers.SOURCE_ID);
        a.put(DatasetMarkers.KIND, p.kind().name());
        if (p.entryIndex() >= 0) {
            a.put(DatasetMarkers.ENTRY_INDEX, p.entryIndex());
        }
        if (p.recordId() != null) {
            a.put(DatasetMarkers.RECORD_ID, clip(p.recordId()));
        }
        if (p.field() != null) {
            a.put(DatasetMarkers.FIELD, p.field());
        }
        return a;
    }

    private static Map<String, Object> moreAttributes(EnumMap<Severity, Integer> omitted) {
        int n = 0;
        Severity worst = null;
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int c = omitted.getOrDefault(s, 0);
            if (c > 0) {
                n += c;
                worst = worst == null ? s : worst;
                String word = s.name().toLowerCase(Locale.ROOT);
                parts.add(String.format(Locale.ROOT, "%,d %s%s", c, word, c == 1 ? "" : "s"));
            }
        }
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.SEVERITY, DatasetMarkers.severity(worst == null ? Severity.INFO : worst));
        a.put(IMarker.MESSAGE, String.format(Locale.ROOT,
                "%,d more problem%s not shown (%s); open the file in the dataset editor to see them all", n,
                n == 1 ? "" : "s", String.join(", ", parts)));
        a.put(IMarker.LOCATION, "whole file");
        a.put(IMarker.SOURCE_ID, DatasetMarkers.SOURCE_ID);
        a.put(DatasetMarkers.KIND, DatasetMarkers.KIND_MORE_PROBLEMS);
        return a;
    }

    private void set(IFile file, List<Map<String, Object>> wanted, IProgressMonitor monitor) throws CoreException {
        IWorkspace workspace = file.getWorkspace();
        workspace.run(m -> {
            if (!file.exists()) {
                return;
            }
            IMarker[] existing = file.findMarkers(DatasetMarkers.PROBLEM, false, IResource.DEPTH_ZERO);
            if (same(existing, wanted)) {
                return;
            }
            SubMonitor progress = SubMonitor.convert(m, "Updating problem markers of " + file.getName(),
                    wanted.size() + 1);
            file.deleteMarkers(DatasetMarkers.PROBLEM, false, IResource.DEPTH_ZERO);
            progress.worked(1);
            int i = 0;
            for (Map<String, Object> attributes : wanted) {
                file.createMarker(DatasetMarkers.PROBLEM, attributes);
                if (++i % 500 == 0) {
                    progress.worked(500); // no cancellation: a half-replaced marker set would be wrong
                }
            }
        }, workspace.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, monitor);
    }

    /** Whether the markers have exactly these attributes (as a multiset). */
    private static boolean same(IMarker[] existing, List<Map<String, Object>> wanted) throws CoreException {
        if (existing.length != wanted.size()) {
            return false;
        }
        if (existing.length == 0) {
            return true;
        }
        Map<Map<String, Object>, Integer> counts = new HashMap<>(wanted.size() * 2);
        for (Map<String, Object> w : wanted) {
            counts.merge(w, 1, Integer::sum);
        }
        for (IMarker marker : existing) {
            Map<String, Object> have = marker.getAttributes();
            Integer c = counts.get(have == null ? Map.of() : have);
            if (c == null) {
                return false;
            }
            if (c == 1) {
                counts.remove(have);
            } else {
                counts.put(have, c - 1);
            }
        }
        return counts.isEmpty();
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }
}
