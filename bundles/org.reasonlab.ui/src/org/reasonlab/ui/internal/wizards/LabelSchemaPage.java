package org.reasonlab.ui.internal.wizards;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.model.LabelSchema;

/** The labels of a new dataset; labels other than the default ones are saved in the {@code NAME.labels.json} sidecar. */
public class LabelSchemaPage extends WizardPage {
    private final Runnable onChange;
    private LabelSchemaGroup labels;

    /** @param onChange called whenever the labels change */
    public LabelSchemaPage(Runnable onChange) {
        super("labels");
        this.onChange = onChange;
        setTitle("Labels");
        setDescription("The labels a record may have. Aliases are other spellings read as the label, such as 0 and 1.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(composite);
        labels = new LabelSchemaGroup(composite, "Labels other than the default ones are saved beside the dataset as"
                + " NAME.labels.json, which ReasonLab reads with it.", this::changed);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(labels.control());
        setControl(composite);
        validate();
    }

    private void changed() {
        validate();
        onChange.run();
    }

    private void validate() {
        String error = labels.errorMessage();
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    /** The label choice, for tests and the wizard. */
    public LabelSchemaGroup labels() {
        return labels;
    }

    /** The chosen schema; the default one when the page has not been created or the typed labels have problems. */
    public LabelSchema schema() {
        LabelSchema schema = labels == null ? null : labels.schema();
        return schema == null ? LabelSchema.defaultSchema() : schema;
    }
}
