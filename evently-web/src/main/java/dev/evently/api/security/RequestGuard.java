package dev.evently.api.security;

import java.io.IOException;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.api.problem.Problem;
import dev.evently.platform.errors.TooLargeException;

/**
 * What every request and answer of the API goes through first (after its correlation id): the browser security
 * headers on every answer, and a bound on the body: one announced larger than {@code evently.http.max-body}
 * (64 KiB) is refused with 413 before a byte of it is read, and one sent in chunks stops being read at the bound
 * (413 too). Nothing a stranger sends is held in memory beyond it. A query string with the character U+0000,
 * which no text column keeps, is refused (400) before anything reads it.
 */
@Dependent  // run by ApiFilters, in its order
public class RequestGuard extends HttpFilter {

    @Inject
    @ConfigProperty(name = "evently.http.max-body", defaultValue = "65536")
    long maxBody;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getContentLengthLong() > maxBody) {
            tooLarge().write(response);
            return;
        }
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            Problem.of("invalid-request", "Invalid request", 400,
                    "A query parameter must not contain the character U+0000.").write(response);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, maxBody) : request, response);
    }

    private Problem tooLarge() {
        return Problem.of("request-too-large", "Content Too Large", 413,
                "A request body is at most " + maxBody + " bytes.");
    }

    /** A body without a length, read only up to the bound. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            if (read > max) {
                throw new TooLargeException("A request body is at most " + max + " bytes.");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
