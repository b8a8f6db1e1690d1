package org.reasonlab.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

/** Every dataset editor command has a default key, and the keyboard reference (F1) shows each. */
class EditorKeysTest {
    private static final String CATEGORY = "org.reasonlab.ui.commands.dataset";

    private static List<Command> editorCommands() {
        ICommandService commands = EditorTestSupport.window().getService(ICommandService.class);
        return Arrays.stream(commands.getDefinedCommands()).filter(c -> {
            try {
                return CATEGORY.equals(c.getCategory().getId());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void everyEditorCommandHasADefaultKeyBinding() throws Exception {
        List<Command> commands = editorCommands();
        assertEquals(10, commands.size(), "the editor's commands are declared in their own category");
        IBindingService bindings = EditorTestSupport.window().getService(IBindingService.class);
        Set<String> unbound = new TreeSet<>();
        for (Command c : commands) {
            boolean bound = Arrays.stream(bindings.getBindings()).anyMatch(b -> b.getParameterizedCommand() != null
                    && b.getType() == Binding.SYSTEM && c.getId().equals(b.getParameterizedCommand().getId()));
            if (!bound) {
                unbound.add(c.getId());
            }
        }
        assertTrue(unbound.isEmpty(), () -> "commands without a key: " + unbound);
    }

    @Test
    void keyReferenceListsEveryCommandWithItsKey() throws Exception {
        IProject project = EditorTestSupport.createProject("keys-test");
        try {
            DatasetEditor editor = EditorTestSupport.open(EditorTestSupport.writeFile(project, "k.jsonl", DatasetEditorTest.DATASET));
            String text = editor.keyReferenceText();
            for (String line : List.of("Commit Record and Go to Next", "Next Unlabelled Record", "Set Label", "Show Dataset Editor Keys")) {
                assertTrue(text.contains(line), () -> "the reference names " + line + ":\n" + text);
            }
            for (String key : List.of("Ctrl+Enter", "Alt+\u2191", "Alt+\u2193", "Ctrl+U", "Ctrl+.", "Ctrl+F", "Ctrl+Alt+N", "F1")) {
                assertTrue(text.contains(key), () -> "the reference shows the key " + key + ":\n" + text);
            }
            assertTrue(text.lines().anyMatch(l -> l.contains("Set Label") && l.contains("1") && l.contains("9")), text);
            assertTrue(text.lines().noneMatch(l -> l.startsWith("(no key)")), text);
            EditorTestSupport.closeAll();
        } finally {
            EditorTestSupport.deleteProject("keys-test");
        }
    }
}
