package io.github.tencentci.emulator;

/**
 * Reads option values of a small command line ({@code --name value}) with messages that name the option, the value
 * and what is allowed. Used by {@link CiEmulatorMain} and by the benchmark harness that starts beside it.
 */
public final class CommandLineArguments {

    private CommandLineArguments() {
    }

    /** The value after the option at {@code args[i - 1]}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The integer value after the option, from {@code min} to {@code max}. */
    public static int number(String[] args, int i, String option, int min, int max) {
        String text = value(args, i, option);
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the common message
        }
        throw new IllegalArgumentException(option + " '" + text + "' is invalid: an integer from " + min + " to "
                + max + " is allowed");
    }
}
