package org.exitvoice.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a CSV data table, as every table reader takes it. */
public final class TableText {
    private TableText() {
    }

    /**
     * The file's text as UTF-8, without the byte-order mark spreadsheet exports often start with.
     *
     * @throws ScenarioException {@code FILE: no such file} or {@code FILE: cannot read: ...}
     */
    public static String read(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "cannot read: " + e.getMessage());
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
