package org.reasonlab.core.run;

import com.google.gson.JsonObject;

/**
 * What a run ran on, written into its {@code started} event and as {@code environment.json}.
 *
 * @param java the Java version, e.g. {@code "21.0.4"}
 * @param djl the DJL version, e.g. {@code "0.35.1"}
 * @param engine the engine and its version, e.g. {@code "PyTorch 2.5.1"}
 * @param device the device trained on, e.g. {@code "gpu(0) NVIDIA H100"} or {@code "cpu"}
 * @param seed the random seed in effect
 * @param precision the precision actually used, {@code "fp32"} or {@code "bf16"}; null in files written
 *        before it was recorded
 */
public record RunEnvironment(String java, String djl, String engine, String device, long seed, String precision) {

    /** An environment without a recorded precision (as older trainers wrote it). */
    public RunEnvironment(String java, String djl, String engine, String device, long seed) {
        this(java, djl, engine, device, seed, null);
    }

    /** {@code {"java":..,"djl":..,"engine":..,"device":..,"seed":42,"precision":"fp32"}}; no precision when null. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("java", JsonFields.text(java));
        o.add("djl", JsonFields.text(djl));
        o.add("engine", JsonFields.text(engine));
        o.add("device", JsonFields.text(device));
        o.addProperty("seed", seed);
        if (precision != null) {
            o.add("precision", JsonFields.text(precision));
        }
        return o;
    }

    /** @throws IllegalArgumentException naming a field of the wrong type */
    public static RunEnvironment fromJson(JsonObject o) {
        Long seed = JsonFields.optionalLong(o, "seed");
        return new RunEnvironment(JsonFields.string(o, "java"), JsonFields.string(o, "djl"), JsonFields.string(o, "engine"),
                JsonFields.string(o, "device"), seed == null ? 0 : seed, JsonFields.string(o, "precision"));
    }
}
