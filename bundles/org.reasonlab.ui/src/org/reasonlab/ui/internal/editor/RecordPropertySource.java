package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.validate.ValidationProblem;

/** Read-only properties of a record: position, fields, metadata, annotations and problems, in categories. */
final class RecordPropertySource implements IPropertySource {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<IPropertyDescriptor> descriptors = new ArrayList<>();

    RecordPropertySource(RecordElement element) {
        put("Record", "Line", element.entry().sourceLine() > 0 ? element.entry().sourceLine() : "(new)");
        put("Record", "Entry", element.entryIndex() + 1);
        if (element.entry() instanceof RawLine raw) {
            put("Record", "Unparsed line", raw.text());
            put("Record", "Problem", raw.problem());
        } else if (element.entry() instanceof DatasetRecord r) {
            put("Record", "Id", r.id());
            put("Record", "Label", r.label());
            put("Record", "Split", r.split() == null ? "(none)" : r.split().id());
            put("Record", "Statement", r.statement());
            put("Record", "Reason", r.reason());
            if (r.metadata() != null) {
                for (Map.Entry<String, JsonElement> e : r.metadata().entrySet()) {
                    put("Metadata", e.getKey(), text(e.getValue()));
                }
            }
            if (r.extra() != null) {
                for (Map.Entry<String, JsonElement> e : r.extra().entrySet()) {
                    put("Other fields", e.getKey(), text(e.getValue()));
                }
            }
            int n = 0;
            for (Annotation a : r.annotations()) {
                n++;
                String category = "Annotation " + n + " (" + a.annotator() + ")";
                put(category, "Annotator", a.annotator());
                put(category, "Label", a.label());
                put(category, "Reason", a.reason());
                if (a.time() != null) {
                    put(category, "Time", a.time());
                }
            }
        }
        int p = 0;
        for (ValidationProblem problem : element.model().index().problemsOf(element.entryIndex())) {
            p++;
            put("Problems", p + ". " + problem.kind().title(), problem.severity() + ": " + problem.message());
        }
    }

    private static String text(JsonElement value) {
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private void put(String category, String name, Object value) {
        String id = category + "/" + name;
        values.put(id, value == null ? "" : value);
        PropertyDescriptor d = new PropertyDescriptor(id, name);
        d.setCategory(category);
        descriptors.add(d);
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return descriptors.toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        return values.get(id);
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
    }
}
