package org.reasonlab.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * An editor's commands (declared in plugin.xml, so they are in the Keys preferences and can be rebound): their
 * handlers, the editor's key context, and a table context that is active only while the editor's table has the
 * focus, so single keys bound there (digits, letters) stay text in the editor's other fields.
 */
public final class ScopedCommands {
    private final IWorkbenchPartSite site;
    private final String tableContextId;
    private final BooleanSupplier enabled;
    private final List<IHandlerActivation> handlers = new ArrayList<>();
    private final IContextActivation editorContext;
    private IContextActivation tableContext;

    /**
     * Activates the editor's context.
     *
     * @param enabled whether the handlers act (an editor still loading ignores its keys)
     */
    public ScopedCommands(IWorkbenchPartSite site, String editorContextId, String tableContextId, BooleanSupplier enabled) {
        this.site = site;
        this.tableContextId = tableContextId;
        this.enabled = enabled;
        this.editorContext = site.getService(IContextService.class).activateContext(editorContextId);
    }

    /** Handles the command in this editor. */
    public void handle(String commandId, Consumer<ExecutionEvent> action) {
        IHandlerService hs = site.getService(IHandlerService.class);
        handlers.add(hs.activateHandler(commandId, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                if (enabled.getAsBoolean()) {
                    action.accept(event);
                }
                return null;
            }
        }));
    }

    /**
     * Makes the table context follow the focus of the table; {@code addListener} adds a listener to the table
     * (and to any table that later replaces it).
     */
    public void tableFocus(BiConsumer<Integer, Listener> addListener) {
        IContextService cs = site.getService(IContextService.class);
        addListener.accept(SWT.FocusIn, e -> {
            if (tableContext == null) {
                tableContext = cs.activateContext(tableContextId);
            }
        });
        addListener.accept(SWT.FocusOut, e -> {
            if (tableContext != null) {
                cs.deactivateContext(tableContext);
                tableContext = null;
            }
        });
    }

    /** Ends the handlers and both contexts. */
    public void dispose() {
        IHandlerService hs = site.getService(IHandlerService.class);
        if (hs != null) {
            hs.deactivateHandlers(handlers);
        }
        handlers.clear();
        IContextService cs = site.getService(IContextService.class);
        if (cs != null) {
            if (tableContext != null) {
                cs.deactivateContext(tableContext);
                tableContext = null;
            }
            cs.deactivateContext(editorContext);
        }
    }
}
