package org.reasonlab.ui.internal.results;

import org.eclipse.swt.widgets.Control;
import org.reasonlab.ui.internal.ScopedCommands;

/**
 * The reason review's commands (declared in plugin.xml, so they can be rebound in Keys preferences) and their
 * handlers. The single-letter keys live in a context that is active only while the predictions table has the
 * focus, so letters typed into the reviewer field stay text.
 */
public final class ReviewKeys {
    public static final String EDITOR_CONTEXT = "org.reasonlab.ui.reviewEditorScope";
    public static final String TABLE_CONTEXT = "org.reasonlab.ui.reviewTableScope";
    public static final String MARK_ALIGNED = "org.reasonlab.ui.review.markAligned";
    public static final String MARK_MISALIGNED = "org.reasonlab.ui.review.markMisaligned";
    public static final String CLEAR_VERDICT = "org.reasonlab.ui.review.clearVerdict";
    public static final String NEXT_UNREVIEWED = "org.reasonlab.ui.review.nextUnreviewed";
    public static final String NEXT = "org.reasonlab.ui.review.next";
    public static final String PREVIOUS = "org.reasonlab.ui.review.previous";

    private final ReviewActions editor;
    private ScopedCommands commands;

    ReviewKeys(ReviewActions editor) {
        this.editor = editor;
    }

    void activate(Control table) {
        commands = new ScopedCommands(editor.getSite(), EDITOR_CONTEXT, TABLE_CONTEXT, editor::isLoaded);
        commands.handle(MARK_ALIGNED, e -> editor.markAligned());
        commands.handle(MARK_MISALIGNED, e -> editor.markMisaligned());
        commands.handle(CLEAR_VERDICT, e -> editor.clearVerdict());
        commands.handle(NEXT_UNREVIEWED, e -> editor.nextUnreviewed());
        commands.handle(NEXT, e -> editor.move(1));
        commands.handle(PREVIOUS, e -> editor.move(-1));
        commands.tableFocus(table::addListener);
    }

    void deactivate() {
        if (commands != null) {
            commands.dispose();
            commands = null;
        }
    }
}
