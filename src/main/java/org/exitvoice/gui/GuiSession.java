package org.exitvoice.gui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;

import org.exitvoice.model.Failures;
import org.exitvoice.scenario.ScenarioInput;

import sim.display.Console;

/** One Console on the screen for a scenario: used by a person until they close it, or run unattended for a snapshot. */
public final class GuiSession {
    private final ExitVoiceWithUI gui;
    private final Console console;
    private final CountDownLatch closed = new CountDownLatch(1);

    private GuiSession(ExitVoiceWithUI gui, Console console) {
        this.gui = gui;
        this.console = console;
        console.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closed.countDown();
            }
        });
    }

    /** Whether windows can be shown: not headless, and on X11 a DISPLAY to show them on. */
    public static boolean displayAvailable() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = !os.contains("win") && !os.contains("mac");
        return !x11 || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Builds the GUI and its Console on Swing's thread, lays the windows out on the screen and shows the Model tab. */
    public static GuiSession open(ScenarioInput input, int threads) throws InterruptedException {
        AtomicReference<GuiSession> session = new AtomicReference<>();
        onSwing(() -> {
            ExitVoiceWithUI gui = new ExitVoiceWithUI(input, threads);
            Console console = new Console(gui);
            console.setNewMenuAllowed(false); // "New Simulation" would offer MASON's demo models
            gui.arrangeWindows(console, screen());
            console.setVisible(true);
            JTabbedPane tabs = console.getTabPane();
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (tabs.getTitleAt(i).equals("Model")) {
                    tabs.setSelectedIndex(i);
                }
            }
            session.set(new GuiSession(gui, console));
        });
        return session.get();
    }

    public ExitVoiceWithUI gui() {
        return gui;
    }

    public Console console() {
        return console;
    }

    /** Blocks until the person closes the Console (MASON then ends the program itself). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Plays a whole run without a person, pausing after its last day (so the Model tab still shows the levers as the
     * run left them), and returns its wall time in seconds (from building the model to the end of the last day); throws
     * if the run has not got there within {@code timeoutSeconds}.
     */
    public double runToEnd(double timeoutSeconds) throws InterruptedException {
        onSwing(() -> console.setWhenShouldPause(gui.model().scenario().days()));
        // let the windows finish their first paint, so the time measured is the run's, not the GUI's start-up
        for (int i = 0; i < 3; i++) {
            onSwing(() -> { });
            Thread.sleep(100);
        }
        long t0 = System.nanoTime();
        onSwing(console::pressPlay);
        long deadline = t0 + (long) (timeoutSeconds * 1e9);
        while (playState() == Console.PS_PLAYING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not end within " + timeoutSeconds + " s");
            }
            Thread.sleep(20);
        }
        double run = gui.lastRunSeconds();
        return Double.isNaN(run) ? (System.nanoTime() - t0) / 1e9 : run;
    }

    private int playState() throws InterruptedException {
        int[] s = new int[1];
        onSwing(() -> s[0] = console.getPlayState());
        return s[0];
    }

    /**
     * Writes a PNG of the whole screen: the Console, the map and the charts as a person would see them. The views
     * are brought up to date first, and Swing is given a moment to finish painting.
     */
    public void screenshot(Path file) throws InterruptedException, IOException {
        onSwing(gui::refreshViews);
        Thread.sleep(600);
        onSwing(() -> { }); // the repaints queued by the refresh have run
        BufferedImage image;
        try {
            image = new Robot().createScreenCapture(screen());
        } catch (java.awt.AWTException e) {
            throw new IOException("cannot capture the screen: " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** Stops the run and removes every window, without ending the program (tests; MASON's own close would exit). */
    public void dispose() throws InterruptedException {
        onSwing(() -> {
            console.pressStop();
            gui.quit();
            console.dispose();
        });
    }

    static Rectangle screen() {
        return new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
    }

    /** Runs on Swing's thread and waits; an exception there is rethrown here. */
    static void onSwing(Runnable r) throws InterruptedException {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InvocationTargetException e) {
            throw Failures.unchecked(e.getCause());
        }
    }
}
