package org.reasonlab.ui.results;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;

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

    private final ReviewEditor editor;
    private final List<IHandlerActivation> handlers = new ArrayList<>();
    private IContextActivation editorContext;
    private IContextActivation tableContext;

    ReviewKeys(ReviewEditor editor) {
        this.editor = editor;
    }

    void activate(Control table) {
        IHandlerService hs = editor.getSite().getService(IHandlerService.class);
        handle(hs, MARK_ALIGNED, editor::markAligned);
        handle(hs, MARK_MISALIGNED, editor::markMisaligned);
        handle(hs, CLEAR_VERDICT, editor::clearVerdict);
        handle(hs, NEXT_UNREVIEWED, editor::nextUnreviewed);
        handle(hs, NEXT, () -> editor.move(1));
        handle(hs, PREVIOUS, () -> editor.move(-1));

        IContextService cs = editor.getSite().getService(IContextService.class);
        editorContext = cs.activateContext(EDITOR_CONTEXT);
        table.addListener(SWT.FocusIn, e -> {
            if (tableContext == null) {
                tableContext = cs.activateContext(TABLE_CONTEXT);
            }
        });
        table.addListener(SWT.FocusOut, e -> {
            if (tableContext != null) {
                cs.deactivateContext(tableContext);
                tableContext = null;
            }
        });
    }

    private void handle(IHandlerService hs, String commandId, Runnable action) {
        handlers.add(hs.activateHandler(commandId, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                if (editor.isLoaded()) {
                    action.run();
                }
                return null;
            }
        }));
    }

    void deactivate() {
        IHandlerService hs = editor.getSite().getService(IHandlerService.class);
        if (hs != null) {
            hs.deactivateHandlers(handlers);
        }
        handlers.clear();
        IContextService cs = editor.getSite().getService(IContextService.class);
        if (cs != null) {
            if (tableContext != null) {
                cs.deactivateContext(tableContext);
                tableContext = null;
            }
            if (editorContext != null) {
                cs.deactivateContext(editorContext);
                editorContext = null;
            }
        }
    }
}
