package org.reasonlab.ui.internal.editor;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertySource;
import org.reasonlab.core.model.DatasetEntry;

/**
 * The editor's selection: one entry and where it is. The Properties view shows it through
 * {@link RecordPropertySource}.
 */
public record RecordElement(int entryIndex, DatasetEntry entry, DatasetModel model) implements IAdaptable {

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySource.class) {
            return adapter.cast(new RecordPropertySource(this));
        }
        return null;
    }
}
