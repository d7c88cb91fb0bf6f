package dev.evently.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every operation of a kind can give, so that each resource lists only its own: 401 for
 * any operation that wants a token, 403 for the admin ones, 404 where a path names an id, 400 where anything is
 * read from the request, 413 and 415 where a body is. Each is a problem (application/problem+json). An answer an
 * operation documents itself is left as it is. Applied by {@link ApiContract}.
 */
final class CommonResponses {

    private CommonResponses() {
    }

    static void complete(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (secured) {
            add(responses, "401", "No valid token: missing, expired, revoked or not ours (unauthorized)");
        }
        if (secured && path.startsWith("/admin/")) {
            add(responses, "403", "The caller's role may not do this (forbidden)");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing at this path: no such id, or not the caller's (not-found)");
        }
        if (body || parameters) {
            add(responses, "400", "A parameter or field is missing, malformed or out of range (invalid-request, "
                    + "naming them in violations), or the body is not JSON (malformed-body)");
        }
        if (body) {
            add(responses, "413", "The body is larger than the server reads (request-too-large)");
            add(responses, "415", "The body is not of a media type listed here (unsupported-media-type)");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
    }
}
