package org.reasonlab.train;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Prepares DJL before any of its classes initialise. Without {@code ai.djl.offline} and
 * {@code OPT_OUT_TRACKING}, DJL's engine start contacts a cloud metadata address and a download
 * host; a research tool must do neither, so both are set unless the user explicitly allows
 * downloads (then only the engine download is allowed; tracking stays off).
 */
public final class DjlEnvironment {
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    public static final String TRACKING_PROPERTY = "OPT_OUT_TRACKING";

    private DjlEnvironment() {
    }

    /**
     * Prepares DJL with the user's setting: offline unless {@code -Dai.djl.offline=false} or the
     * environment variable {@code DJL_OFFLINE=false} allows DJL to download (e.g. a CUDA libtorch).
     */
    public static void prepare() {
        String setting = System.getProperty(OFFLINE_PROPERTY, System.getenv("DJL_OFFLINE"));
        prepare(!"false".equalsIgnoreCase(setting));
    }

    /** Must run before the first DJL class is touched (call it first thing in {@code main}). */
    public static void prepare(boolean offline) {
        System.setProperty(OFFLINE_PROPERTY, Boolean.toString(offline));
        System.setProperty(TRACKING_PROPERTY, "true");
    }

    /** The device to run on: {@code auto} picks the first GPU DJL sees, else the CPU. */
    public static Device device(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw new IllegalStateException("device 'gpu' was asked for, but DJL sees no GPU;"
                            + " install a CUDA libtorch (see README) or use --device cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("unknown device '" + choice + "'; use auto, cpu or gpu");
        };
    }
}
