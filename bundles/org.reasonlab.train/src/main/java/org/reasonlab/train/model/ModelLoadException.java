package org.reasonlab.train.model;

import java.io.IOException;

/** A model folder, config, checkpoint or tokenizer that cannot be loaded; the message names the file and the problem. */
public class ModelLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
