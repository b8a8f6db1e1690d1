package org.reasonlab.train.lora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.HfLinear;

/**
 * The LoRA adapters attached to a model. {@link #attach} freezes every base parameter and hooks an
 * adapter into each targeted {@link HfLinear}; {@link #close} removes the hooks and frees the adapters.
 */
public final class LoraModel implements AutoCloseable {
    public static final String A_SUFFIX = ".lora_A.weight";
    public static final String B_SUFFIX = ".lora_B.weight";

    private final CausalLm model;
    private final LoraConfig config;
    private final NDManager manager;
    private final List<LoraAdapter> adapters;

    private LoraModel(CausalLm model, LoraConfig config, NDManager manager, List<LoraAdapter> adapters) {
        this.model = model;
        this.config = config;
        this.manager = manager;
        this.adapters = List.copyOf(adapters);
    }

    /**
     * Attaches adapters to every targeted linear layer; A is drawn from {@code seed}.
     *
     * @param parent manager (of the model's device) under which the adapter arrays live
     * @throws IllegalArgumentException when no layer matches the target modules
     */
    public static LoraModel attach(CausalLm model, LoraConfig config, NDManager parent, long seed) {
        Map<String, HfLinear> linears = linearModules(model);
        List<String> matched = new ArrayList<>();
        for (String name : linears.keySet()) {
            if (config.targets(name)) {
                matched.add(name);
            }
        }
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("no linear layer matches the LoRA target modules " + config.targetModules()
                    + "; the model has e.g. " + linears.keySet().stream().limit(8).toList());
        }
        for (Parameter p : model.namedParameters().values()) {
            p.freeze(true);
            if (p.getArray() != null) {
                p.getArray().setRequiresGradient(false);
            }
        }
        NDManager m = parent.newSubManager();
        Random rng = new Random(seed);
        List<LoraAdapter> adapters = new ArrayList<>();
        for (String name : matched) {
            HfLinear l = linears.get(name);
            if (l.adapter() != null) {
                m.close();
                throw new IllegalStateException(name + " already has an adapter");
            }
            LoraAdapter a = new LoraAdapter(name, l, config, m, rng);
            l.setAdapter(a);
            adapters.add(a);
        }
        return new LoraModel(model, config, m, adapters);
    }

    /** Every {@link HfLinear} of the model by HF module name (weight name without {@code .weight}). */
    public static Map<String, HfLinear> linearModules(CausalLm model) {
        return model.linearModules();
    }

    public LoraConfig config() {
        return config;
    }

    public CausalLm model() {
        return model;
    }

    public List<LoraAdapter> adapters() {
        return adapters;
    }

    /** Trainable arrays by name: {@code <module>.lora_A.weight}, {@code <module>.lora_B.weight}. */
    public Map<String, NDArray> trainable() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (LoraAdapter a : adapters) {
            out.put(a.module() + A_SUFFIX, a.a());
            out.put(a.module() + B_SUFFIX, a.b());
        }
        return out;
    }

    /** Removes the hooks and frees the adapter arrays (base parameters stay frozen). */
    @Override
    public void close() {
        for (LoraAdapter a : adapters) {
            if (a.layer().adapter() == a) {
                a.layer().setAdapter(null);
            }
        }
        manager.close();
    }
}
