package org.reasonlab.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;

/**
 * What a comparison compares, from run folders and run group files: each run folder is an arm of its own; a group's
 * runs form one arm per setting (model, mode, tuning), in the paper's order, named {@code <group> <setting>}.
 *
 * @param arms the arms in the order given
 * @param baseline the position of the baseline arm
 */
public record ComparisonInputs(List<ComparisonArm> arms, int baseline) {
    public ComparisonInputs {
        arms = List.copyOf(arms);
    }

    /**
     * @param paths run folders and {@code *.group.json} files
     * @param baselinePath the baseline: a run folder (the arm holding it; a run not among {@code paths} becomes
     *        the first arm) or a group file (its first arm); null for the first arm
     * @throws IOException naming the path when it is neither a folder nor a readable group file, or a group
     *         member is missing
     */
    public static ComparisonInputs resolve(List<Path> paths, Path baselinePath) throws IOException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        List<ComparisonArm> arms = new ArrayList<>();
        for (Path p : paths) {
            arms.addAll(armsOf(p));
        }
        int baseline = 0;
        if (baselinePath != null) {
            baseline = baselineIndex(arms, baselinePath);
        }
        return new ComparisonInputs(arms, baseline);
    }

    private static int baselineIndex(List<ComparisonArm> arms, Path baselinePath) throws IOException {
        Path abs = baselinePath.toAbsolutePath().normalize();
        if (RunGroupFile.isGroupFile(abs)) {
            List<ComparisonArm> groupArms = armsOf(abs);
            for (int i = 0; i < arms.size(); i++) {
                if (arms.get(i).name().equals(groupArms.get(0).name())) {
                    return i;
                }
            }
            arms.add(0, groupArms.get(0));
            return 0;
        }
        for (int i = 0; i < arms.size(); i++) {
            for (RunResult r : arms.get(i).runs()) {
                if (r.folder().toAbsolutePath().normalize().equals(abs)) {
                    return i;
                }
            }
        }
        arms.addAll(0, armsOf(abs));
        return 0;
    }

    /** The arms one path contributes. */
    public static List<ComparisonArm> armsOf(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        if (RunGroupFile.isGroupFile(abs)) {
            if (!Files.isRegularFile(abs)) {
                throw new IOException(abs + ": no such run group file");
            }
            return armsOf(RunGroupFile.read(abs));
        }
        if (Files.isDirectory(abs)) { // what its files lack, the run's problems say
            RunResult r = RunResult.read(abs);
            return List.of(new ComparisonArm(r.name(), List.of(r)));
        }
        throw new IOException(abs + ": neither a run folder nor a run group file (*" + RunGroupFile.SUFFIX + ")");
    }

    /** A group's arms: its runs by setting, in the paper's order (pre-trained, L, L+R, R->L), then by model. */
    public static List<ComparisonArm> armsOf(RunGroup group) throws IOException {
        if (group.members().isEmpty()) {
            throw new IOException(group.file() + ": the group has no runs");
        }
        Map<String, List<RunResult>> bySetting = new LinkedHashMap<>();
        for (Path member : group.members()) {
            if (!Files.isDirectory(member)) {
                throw new IOException(group.file() + ": member " + member + " is missing");
            }
            RunResult r = RunResult.read(member);
            bySetting.computeIfAbsent(ComparisonArm.keyOf(r.summary()), k -> new ArrayList<>()).add(r);
        }
        List<List<RunResult>> sets = new ArrayList<>(bySetting.values());
        sets.sort(Comparator.comparing((List<RunResult> s) -> s.get(0).summary().paperSetting())
                .thenComparing(s -> String.valueOf(s.get(0).summary().model())));
        long settings = sets.stream().map(s -> s.get(0).summary().setting()).distinct().count();
        List<ComparisonArm> arms = new ArrayList<>();
        for (List<RunResult> s : sets) {
            RunSummary first = s.get(0).summary();
            String name = group.name() + " " + first.setting();
            boolean sameModels = sets.stream().map(x -> x.get(0).summary().model() + "|" + x.get(0).summary().tuning())
                    .distinct().count() == 1;
            if (settings < sets.size() && !sameModels) { // the same setting with another model or tuning
                name += " (" + shortModel(first.model()) + (first.tuning() == null ? "" : ", " + first.tuning()) + ")";
            }
            if (!first.variant().isEmpty()) {
                name += " [" + first.variant() + "]";
            }
            arms.add(new ComparisonArm(name, s));
        }
        return arms;
    }

    private static String shortModel(String model) {
        if (model == null) {
            return "?";
        }
        String m = model.replace('\\', '/');
        return m.substring(m.lastIndexOf('/') + 1);
    }

    public SignificanceReport report(int resamples, long seed) {
        return SignificanceReport.of(arms, baseline, resamples, seed);
    }
}
