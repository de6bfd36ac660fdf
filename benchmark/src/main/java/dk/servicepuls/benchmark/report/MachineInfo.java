package dk.servicepuls.benchmark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where the run happened: the machine and the commit of the working tree. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static Results.Machine describe() {
        return new Results.Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.name") + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                memTotal());
    }

    /** {@code git rev-parse HEAD} of the current folder, marked when the working tree has changes. */
    public static String commit() {
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            return "unknown (not a git working tree)";
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isBlank() ? head : head + " (with uncommitted changes)";
    }

    private static String git(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
