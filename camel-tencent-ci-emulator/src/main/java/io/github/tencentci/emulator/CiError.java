package io.github.tencentci.emulator;

/**
 * A CI error answer ({@code <Error><Code/><Message/>...}) raised while handling a request. Its message goes to the
 * client, so it must name what is wrong but never carry a secret.
 */
final class CiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    CiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static CiError invalidArgument(String message) {
        return new CiError(400, "InvalidArgument", message);
    }

    static CiError accessDenied(String message) {
        return new CiError(403, "AccessDenied", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
