package io.quarkiverse.reactors.redis;

/**
 * Input that is not RESP2, or that breaks a configured limit. The connection answers with the message as a
 * RESP error and closes, as Redis does: after a framing error the stream cannot be trusted any more.
 */
final class RespProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    RespProtocolException(String message) {
        super("Protocol error: " + message, null, false, false);
    }
}
