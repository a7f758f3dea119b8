package io.newsstream.streams.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's errors in the API's JSON shape ({@code {"status": 431, "message": "..."}}) instead of
 * Jetty's HTML page: requests Jetty refuses before any route runs (URI too long, headers too
 * large, a path that is not valid UTF-8 or is ambiguous) and errors raised outside Javalin's
 * handlers. Only the status and Jetty's short reason are written, never a stack trace, whatever
 * the request's {@code Accept} header asks for.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    private final ObjectMapper mapper = ApiJson.mapper();

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public ByteBuffer badMessageError(final int status, final String reason, final HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return BufferUtil.toBuffer(body(status, reason));
    }

    @Override
    protected void generateResponse(final Request request, final Response response, final int code, final String message,
                                    final Throwable cause, final Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(final int status, final String reason) {
        final String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        try {
            return mapper.writeValueAsBytes(new ApiViews.ErrorView(status, message));
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
