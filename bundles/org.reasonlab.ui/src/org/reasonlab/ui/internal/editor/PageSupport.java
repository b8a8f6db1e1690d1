package org.reasonlab.ui.internal.editor;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.reasonlab.core.model.Dataset;

/** What the statistics and agreement pages share: titled sections, and computing on a snapshot in the background. */
final class PageSupport {
    private PageSupport() {
    }

    /** A section with a title bar; returns its client composite (one column). */
    static Composite section(FormToolkit toolkit, Composite parent, String title) {
        Section section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(1, false));
        section.setClient(client);
        return client;
    }

    /** The model's entries as they are now, as a dataset that background jobs may read. */
    static Dataset snapshot(DatasetModel model) {
        Dataset current = model.dataset();
        return new Dataset(current.schema(), current.layout(), model.snapshot());
    }

    /** Computes in a system job and hands the result to {@code show} on the UI thread, unless the page is gone. */
    static <T> void computeInBackground(String name, Object family, Control page, Supplier<T> compute, Consumer<T> show) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                T result = compute.get();
                page.getDisplay().asyncExec(() -> {
                    if (!page.isDisposed()) {
                        show.accept(result);
                    }
                });
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object f) {
                return f == family;
            }
        };
        job.setSystem(true);
        job.schedule();
    }
}
