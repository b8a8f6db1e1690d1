package org.reasonlab.ui.internal.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A tab of the fine-tune configuration: text fields and combos bound to {@link LaunchAttributes},
 * all stored as text. {@link #isValid} asks {@link LaunchSettings} for the first problem of the tab's attributes, so the
 * dialog, the shortcuts and the delegate say the same thing.
 */
public abstract class FineTuneTab extends AbstractLaunchConfigurationTab {
    private final String name;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private boolean initializing;

    protected FineTuneTab(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        createFields(c);
        setControl(c);
    }

    protected abstract void createFields(Composite c);

    /** A labelled text field; {@code browse} adds a button: "file" (a dataset), "json", "folder" or null. */
    protected Text text(Composite c, String label, String attribute, String tooltip, String browse) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, browse == null ? 2 : 1, 1));
        if (tooltip != null) {
            t.setToolTipText(tooltip);
        }
        t.setData("attribute", attribute);
        t.addModifyListener(e -> changed());
        fields.put(attribute, t);
        if (browse != null) {
            Button b = new Button(c, SWT.PUSH);
            b.setText("Browse...");
            b.addListener(SWT.Selection, e -> {
                String chosen;
                if (browse.equals("file") || browse.equals("json")) {
                    FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
                    d.setFilterExtensions(browse.equals("json") ? new String[] { "*.json", "*.*" }
                            : new String[] { "*.jsonl;*.ndjson;*.csv", "*.*" });
                    chosen = d.open();
                } else {
                    DirectoryDialog d = new DirectoryDialog(c.getShell());
                    chosen = d.open();
                }
                if (chosen != null) {
                    t.setText(chosen);
                }
            });
        }
        return t;
    }

    /** A multi-line text field. */
    protected Text area(Composite c, String label, String attribute, String tooltip) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Text t = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        gd.heightHint = 48;
        t.setLayoutData(gd);
        t.setToolTipText(tooltip);
        t.addModifyListener(e -> changed());
        fields.put(attribute, t);
        return t;
    }

    /** A read-only combo of values, shown with labels. */
    protected Combo combo(Composite c, String label, String attribute, List<String> values, List<String> labels) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(labels.toArray(String[]::new));
        combo.setData("values", values);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        combo.addListener(SWT.Selection, e -> changed());
        fields.put(attribute, combo);
        return combo;
    }

    /** A note spanning the row. */
    protected void note(Composite c, String text) {
        Label l = new Label(c, SWT.WRAP);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        gd.widthHint = 420;
        l.setLayoutData(gd);
    }

    private void changed() {
        if (!initializing) {
            fieldsChanged();
            updateLaunchConfigurationDialog();
        }
    }

    /** Hook for tabs that enable fields depending on others. */
    protected void fieldsChanged() {
    }

    /** The value of a field as it would be stored. */
    protected String value(String attribute) {
        Control control = fields.get(attribute);
        if (control instanceof Text t) {
            return t.getText();
        }
        if (control instanceof Combo combo) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) combo.getData("values");
            int i = combo.getSelectionIndex();
            return i < 0 ? "" : values.get(i);
        }
        return "";
    }

    /** Sets a field's value (tests, dependent fields). */
    public void setValue(String attribute, String value) {
        Control control = fields.get(attribute);
        if (control instanceof Text t) {
            t.setText(value);
        } else if (control instanceof Combo combo) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) combo.getData("values");
            int i = values.indexOf(value);
            if (i < 0) {
                combo.deselectAll();
            } else {
                combo.select(i);
            }
            changed();
        }
    }

    /** Sets the fields of this tab among {@code values} (attribute to value); the others are other tabs'. */
    public void setValues(Map<String, String> values) {
        values.forEach((attribute, value) -> {
            if (fields.containsKey(attribute)) {
                setValue(attribute, value);
            }
        });
    }

    protected Control field(String attribute) {
        return fields.get(attribute);
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        Map<String, String> defaults = LaunchSettings.defaults();
        for (String attribute : attributes()) {
            configuration.setAttribute(attribute, defaults.get(attribute));
        }
    }

    /** The attributes this tab edits (those of its fields, before the control exists: override). */
    protected abstract List<String> attributes();

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        initializing = true;
        try {
            LaunchSettings settings = LaunchSettings.of(configuration);
            for (String attribute : fields.keySet()) {
                setValue(attribute, settings.raw(attribute));
            }
            fieldsChanged();
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        } finally {
            initializing = false;
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        for (String attribute : fields.keySet()) {
            configuration.setAttribute(attribute, value(attribute));
        }
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        setMessage(null);
        try {
            String problem = LaunchSettings.of(configuration).problemOf(attributes());
            setErrorMessage(problem);
            return problem == null;
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    @Override
    public boolean canSave() {
        return true; // an incomplete configuration may be saved; it cannot be launched
    }
}
