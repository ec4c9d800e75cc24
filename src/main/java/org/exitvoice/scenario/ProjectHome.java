package org.exitvoice.scenario;

import java.nio.file.Path;

/**
 * Where the project's own files are: the default scenario, the observed data, the default {@code outputs/} folder.
 * The launcher passes it as {@code -Dexitvoice.home}, so that {@code ~/exitvoice/exitvoice run my.yaml} finds the
 * user's {@code my.yaml} where the user stands and the defaults in the project. Without it (mvn, tests,
 * {@code java -jar} by hand) the defaults are relative to the working directory, as any other path.
 */
public final class ProjectHome {
    /** The system property the launcher sets to the project folder. */
    public static final String PROPERTY = "exitvoice.home";

    private ProjectHome() {
    }

    /** {@code projectPath} (e.g. {@code params/sep2022.yaml}) in the project folder, or as it is when none is set. */
    public static Path resolve(Path projectPath) {
        String home = System.getProperty(PROPERTY);
        return home == null || home.isBlank() ? projectPath : Path.of(home).resolve(projectPath);
    }

    /** {@link #resolve(Path)} of a path written with slashes. */
    public static Path resolve(String projectPath) {
        return resolve(Path.of(projectPath));
    }
}
