package org.reasonlab.ui.internal.perspective;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.reasonlab.ui.ReasonLabUi;

/**
 * The ReasonLab perspective: Project Explorer on the left, the editor area in the middle, the
 * Dataset Overview and Console on the right, the Runs view, Problems and Properties below the editor area.
 */
public class ReasonLabPerspectiveFactory implements IPerspectiveFactory {
    public static final String ID = ReasonLabUi.PERSPECTIVE;

    static final String PROBLEM_VIEW = "org.eclipse.ui.views.ProblemView";
    static final String PROPERTY_SHEET = "org.eclipse.ui.views.PropertySheet";
    static final String CONSOLE_VIEW = "org.eclipse.ui.console.ConsoleView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();

        IFolderLayout left = layout.createFolder("org.reasonlab.ui.perspective.left", IPageLayout.LEFT, 0.2f, editorArea);
        left.addView(IPageLayout.ID_PROJECT_EXPLORER);
        IFolderLayout outline = layout.createFolder("org.reasonlab.ui.perspective.leftBottom", IPageLayout.BOTTOM, 0.55f,
                "org.reasonlab.ui.perspective.left");
        outline.addView(IPageLayout.ID_OUTLINE);

        // the Console beside the editor, not in front of the Runs view: it comes to the front on every line a
        // trainer prints
        IFolderLayout right = layout.createFolder("org.reasonlab.ui.perspective.right", IPageLayout.RIGHT, 0.7f, editorArea);
        right.addView(ReasonLabUi.DATASET_OVERVIEW_VIEW);
        right.addView(CONSOLE_VIEW);

        IFolderLayout bottom = layout.createFolder("org.reasonlab.ui.perspective.bottom", IPageLayout.BOTTOM, 0.7f, editorArea);
        bottom.addView(ReasonLabUi.RUNS_VIEW);
        bottom.addView(PROBLEM_VIEW);
        bottom.addView(PROPERTY_SHEET);
        bottom.addPlaceholder(ReasonLabUi.COMPARISON_VIEW);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);

        layout.addShowViewShortcut(ReasonLabUi.DATASET_OVERVIEW_VIEW);
        layout.addShowViewShortcut(ReasonLabUi.RUNS_VIEW);
        layout.addShowViewShortcut(ReasonLabUi.COMPARISON_VIEW);
        layout.addShowViewShortcut(CONSOLE_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(PROBLEM_VIEW);
        layout.addShowViewShortcut(PROPERTY_SHEET);
        layout.addNewWizardShortcut(ReasonLabUi.SAMPLE_PROJECT_WIZARD);
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
        layout.addActionSet("org.eclipse.debug.ui.launchActionSet");
        layout.addPerspectiveShortcut(ID);
        layout.addPerspectiveShortcut("org.eclipse.ui.resourcePerspective");
    }
}
