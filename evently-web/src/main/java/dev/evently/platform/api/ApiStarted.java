package dev.evently.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Never mapped to a URL: web.xml loads it at start-up after the JAX-RS servlet, so its {@link #init()} marks the
 * moment the API's servlets are ready. Readiness turns UP then, not when the health checks merely exist.
 */
public class ApiStarted extends GenericServlet {

    @Inject
    Serving serving;

    @Override
    public void init() {
        serving.started();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) {
        throw new UnsupportedOperationException("not mapped");
    }
}
