package org.reasonlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DjlEnvironmentTest {

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void pytorchEngineRunsOfflineOnTheCpu() {
        assertEquals("true", System.getProperty(DjlEnvironment.OFFLINE_PROPERTY));
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.arange(6f).reshape(2, 3);
            assertArrayEquals(new float[] {5, 14, 14, 50}, x.matMul(x.transpose()).toFloatArray());
        }
    }

    @Test
    void usersSettingDecidesOfflineAndTrackingStaysOff() {
        try {
            System.setProperty(DjlEnvironment.OFFLINE_PROPERTY, "false");
            DjlEnvironment.prepare();
            assertEquals("false", System.getProperty(DjlEnvironment.OFFLINE_PROPERTY));
            assertEquals("true", System.getProperty(DjlEnvironment.TRACKING_PROPERTY));
        } finally {
            DjlEnvironment.prepare(true);
        }
        DjlEnvironment.prepare();
        assertEquals("true", System.getProperty(DjlEnvironment.OFFLINE_PROPERTY));
    }

    @Test
    void autoDeviceFallsBackToTheCpu() {
        Device device = DjlEnvironment.device("auto");
        assertEquals(Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu(), device);
    }
}
