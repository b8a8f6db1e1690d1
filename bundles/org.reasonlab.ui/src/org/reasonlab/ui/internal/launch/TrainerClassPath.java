package org.reasonlab.ui.internal.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The trainer JVM's plain class path, from the installed bundles (the same jars as the
 * {@code reasonlab} script takes from the update site): the trainer, the core, Gson, DJL
 * ({@code wrapped.ai.djl.*}, including the CPU libtorch when installed), slf4j, JNA and Apache
 * Commons. A bundle installed as a jar contributes the jar; a bundle that is a folder (run from the
 * IDE or a Tycho test runtime) contributes {@code bin/} or {@code target/classes}. Bundles are
 * looked up in any state, so a trainer that OSGi could not resolve still runs in its own JVM.
 */
public final class TrainerClassPath {
    public static final String TRAINER_BUNDLE = "org.reasonlab.train";
    public static final String MAIN_CLASS = "org.reasonlab.train.TrainerCli";

    private TrainerClassPath() {
    }

    /** Whether a bundle contributes to the trainer's class path. */
    static boolean wanted(String symbolicName) {
        if (symbolicName == null) {
            return false;
        }
        return switch (symbolicName) {
            case TRAINER_BUNDLE, "org.reasonlab.core", "com.google.gson", "com.sun.jna", "slf4j.api", "slf4j.simple" -> true;
            default -> symbolicName.startsWith("wrapped.ai.djl.") || symbolicName.startsWith("org.apache.commons.");
        };
    }

    /** The installed trainer bundle, in any state; empty when it is not installed. */
    public static Optional<Bundle> trainerBundle() {
        return Optional.ofNullable(newestBundles().get(TRAINER_BUNDLE));
    }

    /**
     * The class path entries, the trainer first.
     *
     * @throws IllegalStateException when the trainer bundle is not installed or a bundle's file cannot be found
     */
    public static List<Path> resolve() {
        Map<String, Bundle> bundles = newestBundles();
        if (!bundles.containsKey(TRAINER_BUNDLE)) {
            throw new IllegalStateException("The ReasonLab trainer (bundle " + TRAINER_BUNDLE
                    + ") is not installed: install the feature 'ReasonLab Trainer' from the ReasonLab update site.");
        }
        if (bundles.keySet().stream().noneMatch(n -> n.startsWith("wrapped.ai.djl."))) {
            throw new IllegalStateException("DJL (bundles wrapped.ai.djl.*) is not installed: install the feature"
                    + " 'ReasonLab Trainer' from the ReasonLab update site.");
        }
        List<Path> entries = new ArrayList<>();
        for (Bundle bundle : bundles.values()) {
            Path entry = entryOf(bundle);
            if (entry == null) {
                throw new IllegalStateException("Cannot find the files of bundle " + bundle.getSymbolicName() + " ("
                        + bundle.getLocation() + ")");
            }
            if (TRAINER_BUNDLE.equals(bundle.getSymbolicName())) {
                entries.add(0, entry);
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    public static String asString(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** The newest version of each wanted bundle, by symbolic name. */
    private static Map<String, Bundle> newestBundles() {
        Map<String, Bundle> newest = new LinkedHashMap<>();
        Bundle self = FrameworkUtil.getBundle(TrainerClassPath.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            return newest;
        }
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.UNINSTALLED || !wanted(b.getSymbolicName())) {
                continue;
            }
            Bundle old = newest.get(b.getSymbolicName());
            if (old == null || b.getVersion().compareTo(old.getVersion()) > 0) {
                newest.put(b.getSymbolicName(), b);
            }
        }
        return newest;
    }

    /** The bundle's jar, or for a folder bundle its compiled classes. */
    static Path entryOf(Bundle bundle) {
        Optional<File> location = FileLocator.getBundleFileLocation(bundle);
        if (location.isEmpty()) {
            return null;
        }
        Path p = location.get().toPath().toAbsolutePath();
        if (Files.isDirectory(p)) {
            for (String sub : new String[] { "bin", "target/classes" }) {
                Path classes = p.resolve(sub);
                if (Files.isDirectory(classes)) {
                    return classes;
                }
            }
        }
        return Files.exists(p) ? p : null;
    }
}
