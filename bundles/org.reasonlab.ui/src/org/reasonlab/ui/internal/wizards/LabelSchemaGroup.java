package org.reasonlab.ui.internal.wizards;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.imports.LabelSchemaText;
import org.reasonlab.core.imports.TextProblem;
import org.reasonlab.core.model.LabelSchema;

/**
 * Chooses a dataset's labels: the default {@code ethical} / {@code unethical} (aliases 0 and 1), or
 * the user's own, typed one per line with aliases after a colon ({@link LabelSchemaText}).
 */
public final class LabelSchemaGroup {
    private final Group group;
    private final Button defaultButton;
    private final Button customButton;
    private final Text text;
    private final Runnable onChange;
    /** Labels that typed labels keep the verdict terms of: the default ones and those last set. */
    private LabelSchema base = LabelSchema.defaultSchema();

    public LabelSchemaGroup(Composite parent, String sidecarNote, Runnable onChange) {
        this.onChange = onChange;
        group = new Group(parent, SWT.NONE);
        group.setText("Labels");
        GridLayoutFactory.swtDefaults().applyTo(group);

        defaultButton = new Button(group, SWT.RADIO);
        defaultButton.setText("&ethical / unethical, read from 0 / 1 too (as in DFAR)");
        customButton = new Button(group, SWT.RADIO);
        customButton.setText("&My own labels, one per line; aliases after a colon, e.g.  acceptable: 0, ok");
        text = new Text(group, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).indent(16, 0)
                .hint(SWT.DEFAULT, text.getLineHeight() * 6).applyTo(text);
        if (sidecarNote != null) {
            Label note = new Label(group, SWT.WRAP);
            note.setText(sidecarNote);
            GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(note);
        }

        defaultButton.setSelection(true);
        text.setEnabled(false);
        defaultButton.addListener(SWT.Selection, e -> {
            if (defaultButton.getSelection()) {
                changed();
            }
        });
        customButton.addListener(SWT.Selection, e -> {
            if (customButton.getSelection()) {
                if (text.getText().isBlank()) {
                    text.setText(LabelSchemaText.format(LabelSchema.defaultSchema()));
                }
                changed();
                text.setFocus();
            }
        });
        text.addListener(SWT.Modify, e -> onChange.run());
    }

    private void changed() {
        text.setEnabled(customButton.getSelection());
        onChange.run();
    }

    public Group control() {
        return group;
    }

    /** Shows the schema: the default choice for the default schema, else the typed-labels choice with its text. */
    public void setSchema(LabelSchema schema) {
        base = schema;
        if (schema.equals(LabelSchema.defaultSchema())) {
            useDefault();
        } else {
            setCustomText(LabelSchemaText.format(schema));
        }
    }

    /** Chooses the user's own labels with this text. */
    public void setCustomText(String labels) {
        defaultButton.setSelection(false);
        customButton.setSelection(true);
        text.setText(labels);
        changed();
    }

    /** Chooses the default labels. */
    public void useDefault() {
        customButton.setSelection(false);
        defaultButton.setSelection(true);
        changed();
    }

    public boolean isDefault() {
        return defaultButton.getSelection();
    }

    public String customText() {
        return text.getText();
    }

    /** The chosen labels, or the problems of the typed ones. */
    public LabelSchemaText.Parsed parsed() {
        if (defaultButton.getSelection()) {
            return new LabelSchemaText.Parsed(LabelSchema.defaultSchema(), List.of());
        }
        return LabelSchemaText.parse(text.getText(), base);
    }

    /** The chosen schema, or null when the typed labels have problems. */
    public LabelSchema schema() {
        return parsed().schema();
    }

    /** The first problem of the typed labels, for a wizard page's error message; null when there is none. */
    public String errorMessage() {
        List<TextProblem> problems = parsed().problems();
        if (problems.isEmpty()) {
            return null;
        }
        TextProblem first = problems.get(0);
        return (first.line() > 0 ? "Labels, line " + first.line() + ": " : "Labels: ") + first.message();
    }
}
