package org.reasonlab.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The editor's commands (declared in plugin.xml, so they are listed in Keys preferences and can be
 * rebound) and their handlers. The digit keys live in a context that is active only while the
 * record table has the focus, so digits typed into the form are text, not labels.
 */
final class EditorKeys {
    static final String EDITOR_CONTEXT = "org.reasonlab.ui.datasetEditorScope";
    static final String TABLE_CONTEXT = "org.reasonlab.ui.datasetTableScope";
    static final String SET_LABEL = "org.reasonlab.ui.dataset.setLabel";
    static final String LABEL_NUMBER = "org.reasonlab.ui.dataset.labelNumber";
    static final String COMMIT_AND_NEXT = "org.reasonlab.ui.dataset.commitAndNext";
    static final String PREVIOUS = "org.reasonlab.ui.dataset.previousRecord";
    static final String NEXT = "org.reasonlab.ui.dataset.nextRecord";
    static final String NEXT_UNLABELLED = "org.reasonlab.ui.dataset.nextUnlabelled";
    static final String NEXT_PROBLEM = "org.reasonlab.ui.dataset.nextProblem";
    static final String FOCUS_FILTER = "org.reasonlab.ui.dataset.focusFilter";
    static final String ADD_RECORD = "org.reasonlab.ui.dataset.addRecord";
    static final String DELETE_RECORD = "org.reasonlab.ui.dataset.deleteRecord";
    static final String SHOW_KEYS = "org.reasonlab.ui.dataset.showKeys";

    private final DatasetEditor editor;
    private final List<IHandlerActivation> handlers = new ArrayList<>();
    private IContextActivation editorContext;
    private IContextActivation tableContext;

    EditorKeys(DatasetEditor editor) {
        this.editor = editor;
    }

    void activate() {
        IHandlerService hs = editor.getSite().getService(IHandlerService.class);
        handle(hs, SET_LABEL, e -> {
            String number = e.getParameter(LABEL_NUMBER);
            if (number != null) {
                editor.records().setLabelNumber(Integer.parseInt(number.strip()));
            }
        });
        handle(hs, COMMIT_AND_NEXT, e -> editor.records().commitAndNext());
        handle(hs, PREVIOUS, e -> editor.records().move(-1));
        handle(hs, NEXT, e -> editor.records().move(1));
        handle(hs, NEXT_UNLABELLED, e -> editor.records().nextUnlabelled());
        handle(hs, NEXT_PROBLEM, e -> editor.records().nextWithProblems());
        handle(hs, FOCUS_FILTER, e -> editor.records().focusFilter());
        handle(hs, ADD_RECORD, e -> editor.records().addRecord());
        handle(hs, DELETE_RECORD, e -> editor.records().deleteSelected());
        handle(hs, SHOW_KEYS, e -> editor.showKeyReference());

        IContextService cs = editor.getSite().getService(IContextService.class);
        editorContext = cs.activateContext(EDITOR_CONTEXT);
        var table = editor.records().table();
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

    private void handle(IHandlerService hs, String commandId, Consumer<ExecutionEvent> action) {
        handlers.add(hs.activateHandler(commandId, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                if (editor.model() != null) {
                    action.accept(event);
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
            }
            if (editorContext != null) {
                cs.deactivateContext(editorContext);
            }
        }
    }
}
