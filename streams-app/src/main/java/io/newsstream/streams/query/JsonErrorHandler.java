package io.newsstream.streams.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's errors in the API's JSON shape ({@code {"status": 431, "message": "..."}}) instead of
 * Jetty's HTML page: requests Jetty refuses before any route runs (URI too long, headers too
 * large, a path that is not valid UTF-8 or is ambiguous) and errors raised outside Javalin's
 * handlers. Only the status and Jetty's short reason are written, never a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    private final ObjectMapper mapper = ApiJson.mapper();

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(final int status, final String reason, final HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return BufferUtil.toBuffer(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(final Request baseRequest, final HttpServletRequest request,
                                              final HttpServletResponse response, final int code, final String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(JSON);
        response.getOutputStream().write(body(code, message));
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
