package org.reasonlab.core.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The true peak of used heap: the heap is fullest just before a collection, so the peak is the
 * largest sum over all pools of "used before GC" reported by the collectors' notifications (or the
 * current use, if that is larger). Summing each pool's own peak overstates it, because the pools
 * peak at different moments.
 */
final class HeapPeakTracker implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    HeapPeakTracker() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long before = 0;
        for (var entry : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (isHeapPool(entry.getKey())) {
                before += entry.getValue().getUsed();
            }
        }
        peak.accumulateAndGet(before, Math::max);
    }

    private static boolean isHeapPool(String name) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(name) && p.getType() == MemoryType.HEAP);
    }

    /** The peak seen so far, including the heap in use right now. */
    long peakBytes() {
        MemoryUsage now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return Math.max(peak.get(), now.getUsed());
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
