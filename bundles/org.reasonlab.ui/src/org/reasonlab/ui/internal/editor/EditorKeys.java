package org.reasonlab.ui.internal.editor;

import org.reasonlab.ui.internal.ScopedCommands;

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
    private ScopedCommands commands;

    EditorKeys(DatasetEditor editor) {
        this.editor = editor;
    }

    void activate() {
        commands = new ScopedCommands(editor.getSite(), EDITOR_CONTEXT, TABLE_CONTEXT, () -> editor.model() != null);
        commands.handle(SET_LABEL, e -> {
            String number = e.getParameter(LABEL_NUMBER);
            if (number != null) {
                editor.records().setLabelNumber(Integer.parseInt(number.strip()));
            }
        });
        commands.handle(COMMIT_AND_NEXT, e -> editor.records().commitAndNext());
        commands.handle(PREVIOUS, e -> editor.records().move(-1));
        commands.handle(NEXT, e -> editor.records().move(1));
        commands.handle(NEXT_UNLABELLED, e -> editor.records().nextUnlabelled());
        commands.handle(NEXT_PROBLEM, e -> editor.records().nextWithProblems());
        commands.handle(FOCUS_FILTER, e -> editor.records().focusFilter());
        commands.handle(ADD_RECORD, e -> editor.records().addRecord());
        commands.handle(DELETE_RECORD, e -> editor.records().deleteSelected());
        commands.handle(SHOW_KEYS, e -> editor.showKeyReference());
        commands.tableFocus(editor.records().table()::addListener);
    }

    void deactivate() {
        if (commands != null) {
            commands.dispose();
            commands = null;
        }
    }
}
