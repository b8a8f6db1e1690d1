package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;

/**
 * The editor's keyboard reference, read from the workbench's commands and key bindings, so it
 * shows the keys as the user has (re)bound them in Preferences > General > Keys.
 */
final class KeyReference {
    static final String CATEGORY = "org.reasonlab.ui.commands.dataset";

    /** One command: its name, description and keys. */
    record Entry(String commandId, String name, String description, List<String> keys) {
        @Override
        public String toString() {
            return String.format("%-22s %s - %s", keys.isEmpty() ? "(no key)" : String.join(", ", keys), name, description);
        }
    }

    private KeyReference() {
    }

    static List<Entry> of(IWorkbenchWindow window) {
        ICommandService commands = window.getService(ICommandService.class);
        IBindingService bindings = window.getService(IBindingService.class);
        String scheme = bindings.getActiveScheme() == null ? null : bindings.getActiveScheme().getId();
        Map<String, List<String>> keys = new TreeMap<>();
        for (Binding b : bindings.getBindings()) {
            if (b.getParameterizedCommand() == null || (scheme != null && !scheme.equals(b.getSchemeId()))
                    || b.getPlatform() != null || b.getLocale() != null) {
                continue;
            }
            TriggerSequence trigger = b.getTriggerSequence();
            keys.computeIfAbsent(b.getParameterizedCommand().getId(), k -> new ArrayList<>()).add(trigger.format());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Command[] defined = commands.getDefinedCommands();
        Arrays.sort(defined, (a, b) -> a.getId().compareTo(b.getId()));
        for (Command c : defined) {
            try {
                if (!CATEGORY.equals(c.getCategory().getId())) {
                    continue;
                }
                List<String> commandKeys = keys.getOrDefault(c.getId(), List.of()).stream().distinct().sorted().toList();
                entries.put(c.getId(), new Entry(c.getId(), c.getName(), c.getDescription(), commandKeys));
            } catch (NotDefinedException e) {
                // an undefined command has no category; not ours
            }
        }
        return List.copyOf(entries.values());
    }

    static String text(IWorkbenchWindow window) {
        StringBuilder s = new StringBuilder();
        for (Entry e : of(window)) {
            s.append(e).append('\n');
        }
        s.append("\nUndo Ctrl+Z, Redo Ctrl+Y, Save Ctrl+S. Keys can be changed in Preferences > General > Keys "
                + "(category \"ReasonLab Dataset Editor\"). Digits set labels only while the record table has the focus; "
                + "Alt+digit works anywhere in the editor.");
        return s.toString();
    }
}
