package org.reasonlab.train.model;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

/**
 * The number format of a model's matrix products. {@link #BF16} works like torch's autocast: each
 * {@link HfLinear} (and a tied LM head) multiplies in bfloat16 and returns float32, while norms,
 * softmax, loss, optimizer state and trained weights stay float32. Frozen linear weights may be
 * stored in bfloat16 as well ({@link ModelLoader#load(java.nio.file.Path, ai.djl.ndarray.NDManager,
 * Device, Precision, boolean)}), which halves the memory of a LoRA base model.
 */
public enum Precision {
    FP32("fp32"), BF16("bf16");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** {@code fp32} or {@code bf16}, as written to {@code environment.json}. */
    public String id() {
        return id;
    }

    /**
     * The precision to train with: {@code auto} is bf16 where the device multiplies bf16 natively, a
     * CUDA GPU of compute capability 8.0 or newer (Ampere, Hopper, ...) or a CPU with AVX512_BF16 or
     * AMX ({@link CpuFeatures}; training ran 2.1x faster there, with the L+R learning test passing),
     * else fp32.
     *
     * @throws IllegalArgumentException for a setting other than auto, fp32, bf16
     */
    public static Precision resolve(String setting, Device device) {
        return isAuto(setting) ? (nativeBf16(device) ? BF16 : FP32) : explicit(setting);
    }

    /**
     * The precision to evaluate and generate with: {@code auto} is bf16 on a CUDA GPU of compute
     * capability 8.0 or newer, fp32 on the CPU, where generation is bound by the cost of each
     * operation, not by arithmetic, and fp32 runs the fused forward.
     */
    public static Precision resolveForInference(String setting, Device device) {
        return isAuto(setting) ? (device.isGpu() && nativeBf16(device) ? BF16 : FP32) : explicit(setting);
    }

    /** Whether a setting leaves the choice to {@link #resolve} (null, blank or {@code auto}). */
    private static boolean isAuto(String setting) {
        return setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("auto");
    }

    private static boolean nativeBf16(Device device) {
        return device.isGpu() ? bf16Capable(computeCapability(device)) : CpuFeatures.nativeBf16();
    }

    private static Precision explicit(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "fp32" -> FP32;
            case "bf16" -> BF16;
            default -> throw new IllegalArgumentException("unknown precision '" + setting + "'; use auto, fp32 or bf16");
        };
    }

    /**
     * Whether a CUDA compute capability has native bf16 matrix units (8.0 or newer). Accepts DJL's
     * form (major and minor digits run together: {@code "75"}, {@code "80"}, {@code "120"}) and
     * {@code "8.0"}; null or unreadable is false.
     */
    static boolean bf16Capable(String computeCapability) {
        if (computeCapability == null || computeCapability.isBlank()) {
            return false;
        }
        String c = computeCapability.trim();
        try {
            int major = c.contains(".") ? Integer.parseInt(c.substring(0, c.indexOf('.')))
                    : Integer.parseInt(c.substring(0, c.length() - 1));
            return major >= 8;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String computeCapability(Device device) {
        try {
            return CudaUtils.getComputeCapability(device.getDeviceId());
        } catch (RuntimeException | LinkageError e) {
            // DJL reads it through libcudart, which a libtorch-only install may not put on the library path
            System.getLogger(Precision.class.getName()).log(System.Logger.Level.WARNING, "cannot read the compute"
                    + " capability of " + device + " (" + e.getMessage() + "): precision auto uses fp32;"
                    + " pass --precision bf16 on an Ampere or newer GPU");
            return null;
        }
    }
}
