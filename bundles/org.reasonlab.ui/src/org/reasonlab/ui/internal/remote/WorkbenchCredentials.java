package org.reasonlab.ui.internal.remote;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * How the workbench answers SSH's questions: an unknown host key is shown with its fingerprint and added to
 * known_hosts only when the user says so; a key's passphrase comes from Eclipse secure storage, asked once
 * (masked) and stored there (encrypted), never in a preference or a file of ReasonLab's.
 */
public final class WorkbenchCredentials {
    private static final String NODE = "/org.reasonlab.ui/ssh-passphrases";

    private WorkbenchCredentials() {
    }

    public static HostKeyApproval hostKeys() {
        return (address, keyType, fingerprint) -> {
            Display display = Display.getDefault();
            AtomicBoolean yes = new AtomicBoolean();
            display.syncExec(() -> yes.set(MessageDialog.open(MessageDialog.QUESTION, display.getActiveShell(),
                    "Unknown Host Key", "The host " + address + " is not in your known_hosts file. It presents this "
                            + keyType + " key:\n\n    " + fingerprint + "\n\nCompare the fingerprint with the one"
                            + " the host's administrator gives you (ssh-keygen -lf on the host key). Trust this key"
                            + " and add it to known_hosts?", SWT.NONE, "Trust and Connect",
                    IDialogConstants.CANCEL_LABEL) == 0));
            return yes.get();
        };
    }

    public static PassphraseSource passphrases() {
        return (keyFile, attempt) -> {
            ISecurePreferences node = SecurePreferencesFactory.getDefault().node(NODE)
                    .node(encode(keyFile));
            try {
                if (attempt == 0) {
                    String stored = node.get("passphrase", null);
                    if (stored != null) {
                        return stored;
                    }
                }
            } catch (StorageException e) {
                ReasonLabUiPlugin.log("Cannot read the passphrase from secure storage", e);
            }
            if (attempt > 3) {
                return null;
            }
            String typed = ask(keyFile, attempt);
            if (typed != null) {
                try {
                    node.put("passphrase", typed, true);
                    node.flush();
                } catch (StorageException | java.io.IOException e) {
                    ReasonLabUiPlugin.log("Cannot store the passphrase in secure storage", e);
                }
            }
            return typed;
        };
    }

    private static String ask(String keyFile, int attempt) {
        Display display = Display.getDefault();
        AtomicReference<String> result = new AtomicReference<>();
        display.syncExec(() -> {
            InputDialog dialog = new InputDialog(display.getActiveShell(), "SSH Key Passphrase",
                    (attempt > 0 ? "Wrong passphrase. " : "") + "Passphrase of " + keyFile
                            + " (kept in Eclipse secure storage):", "", null) {
                @Override
                protected int getInputTextStyle() {
                    return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
                }

                @Override
                protected Control createDialogArea(Composite parent) {
                    Control area = super.createDialogArea(parent);
                    Text text = getText();
                    text.setEchoChar('*');
                    return area;
                }
            };
            if (dialog.open() == InputDialog.OK) {
                result.set(dialog.getValue());
            }
        });
        return result.get();
    }

    /** Secure storage node names may not hold '/'. */
    private static String encode(String keyFile) {
        return keyFile.replace('/', '|');
    }
}
