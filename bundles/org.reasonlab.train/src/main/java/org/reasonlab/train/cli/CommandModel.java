package org.reasonlab.train.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.export.PeftAdapters;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.TinyModelPreset;

/**
 * The model a command line names ({@link ModelArguments}), loaded for inference on its device in its
 * precision, optionally with a LoRA adapter attached (a run's {@code adapter/}); the built-in tiny preset is
 * written to a temporary folder first, which {@link #close} deletes. Uses DJL: open it only after
 * {@code DjlEnvironment.prepare}.
 */
public final class CommandModel implements AutoCloseable {
    private final LoadedModel model;
    private final LoraModel adapter;
    /** {@link #release} of the root manager and the temporary folder. */
    private final Runnable release;

    private CommandModel(LoadedModel model, LoraModel adapter, Runnable release) {
        this.model = model;
        this.adapter = adapter;
        this.release = release;
    }

    /** Loads the model; notes (the tiny preset, the loader's warnings) go to {@code err} as {@code COMMAND: ...}. */
    public static CommandModel open(String command, ModelArguments args, PrintStream err) throws IOException {
        return open(command, args, null, err);
    }

    /**
     * Loads the model and attaches the PEFT LoRA adapter in {@code adapterDir} ({@link PeftAdapters}) when it is
     * not null.
     */
    public static CommandModel open(String command, ModelArguments args, Path adapterDir, PrintStream err)
            throws IOException {
        Path tmp = null;
        NDManager root = null;
        LoadedModel loaded = null;
        try {
            Path folder;
            if (args.isTinyPreset()) {
                tmp = Files.createTempDirectory("reasonlab-tiny-");
                folder = TinyModelPreset.write(tmp);
                err.println(command + ": using the built-in tiny preset (UNTRAINED: random weights, for smoke tests)");
            } else {
                folder = Path.of(args.model());
            }
            Device device = DjlEnvironment.device(args.device());
            Precision precision = Precision.resolveForInference(args.precision(), device);
            root = NDManager.newBaseManager(device);
            LoadedModel model = ModelLoader.load(folder, root, device, precision, false);
            loaded = model;
            for (String w : model.warnings()) {
                err.println(command + ": warning: " + w);
            }
            LoraModel lora = adapterDir == null ? null : PeftAdapters.attach(adapterDir, model);
            NDManager loadedOn = root;
            Path written = tmp;
            return new CommandModel(model, lora, () -> release(loadedOn, written));
        } catch (IOException | RuntimeException | Error e) {
            if (loaded != null) {
                loaded.close();
            }
            release(root, tmp);
            throw e;
        }
    }

    /** The loaded model, with its device and precision. */
    public LoadedModel model() {
        return model;
    }

    @Override
    public void close() {
        try {
            if (adapter != null) {
                adapter.close();
            }
            model.close();
        } finally {
            release.run();
        }
    }

    /** Closes the root manager and deletes the tiny preset's temporary folder, where there are. */
    private static void release(NDManager root, Path tmp) {
        if (root != null) {
            root.close();
        }
        if (tmp == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
