package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.evently.system.FuzzContract.Operation;
import dev.evently.system.FuzzContract.Param;

/**
 * Fuzzing from the contract: reads the served OpenAPI document and sends every operation, as anonymous, a user and
 * an admin, valid requests and mutated ones (fields missing, extra, of the wrong type, at and past their bounds,
 * huge strings and arrays, unicode, nulls, malformed JSON, wrong content types and methods, strange parameters).
 * Every answer must be below 500; every error a problem (application/problem+json) with a status the operation
 * documents (405 for a method the path does not have) and no stack trace; and every rejected write must leave the
 * fuzzed events' seats, bookings and payments, the events and the users as they were. Seeded: the seed is printed,
 * and {@code -Devently.fuzz.seed=N} replays a run ({@code -Devently.fuzz.requests} sets how many, 21,000).
 */
class ContractFuzzIT {

    private static final long SEED = Long.getLong("evently.fuzz.seed", System.nanoTime());
    private static final int REQUESTS = Integer.getInteger("evently.fuzz.requests", 21_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "");
    private static final List<String> STRANGE_IDS = List.of("0", "-1", "abc", "99999999999999999999",
            "9223372036854775807", "1.5", "1e3", "%20", "%C3%A9", "null", "0x10", "-0");

    enum Caller { ANONYMOUS, USER, ADMIN }

    enum Mutation {
        NONE, MISSING_FIELD, EXTRA_FIELD, WRONG_TYPE, BOUNDARY, HUGE_STRING, HUGE_ARRAY, UNICODE, NULL_FIELD, NULL_BODY,
        MALFORMED_JSON, CONTENT_TYPE, METHOD, PATH_PARAM, QUERY_PARAM, HEADER_PARAM
    }

    /** What one request was and what it was allowed to answer. */
    private record Sent(Operation operation, Caller caller, Mutation mutation, String method, String uri,
                        Set<Integer> allowed) {

        String describe() {
            return caller + " " + mutation + " " + method + " " + uri;
        }
    }

    private final Fixtures fixtures = new Fixtures();
    private final Random random = new Random(SEED);
    private FuzzValues values;
    private List<Operation> operations;

    @Test
    void everyOperationAnswersHostileInputWithADocumentedProblemAndRejectedOnesChangeNothing() throws Exception {
        System.out.printf("contract fuzz: seed %d (-Devently.fuzz.seed=%d replays it), %d requests%n", SEED, SEED, REQUESTS);
        operations = FuzzContract.read(Contract.served());
        assertThat(operations).as("operations in the served OpenAPI document").hasSizeGreaterThan(25);
        fixtures.make();
        values = new FuzzValues(random, fixtures.known());

        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> perOperation = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        long rejectedWrites = 0;
        long acceptedMutations = 0;
        String digest = fixtures.digest();
        long sending = 0;
        long auditing = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = choose(operations);
            Caller caller = Caller.values()[i % 3];
            Mutation mutation = random.nextInt(5) == 0 ? Mutation.NONE : mutationFor(operation);
            HttpRequest.Builder request = HttpRequest.newBuilder();
            Sent sent = build(operation, caller, mutation, request);
            long t0 = System.nanoTime();
            HttpResponse<String> response = Stack.send(request);
            sending += System.nanoTime() - t0;
            int status = response.statusCode();
            statuses.merge(String.valueOf(status), 1L, Long::sum);
            perOperation.merge(operation.key(), 1L, Long::sum);
            String finding = check(sent, response);
            if (finding != null && findings.size() < 40) {
                findings.add(finding);
            }
            if (status < 300 && mutation != Mutation.NONE) {
                acceptedMutations++;
            }
            if (!sent.method().equals("GET")) {
                long t1 = System.nanoTime();
                String now = fixtures.digest();
                auditing += System.nanoTime() - t1;
                if (status >= 400) {
                    rejectedWrites++;
                    if (!now.equals(digest) && findings.size() < 40) {
                        findings.add("a rejected request changed the audited data: " + sent.describe() + " → " + status);
                    }
                }
                digest = now;
            }
        }

        System.out.printf("contract fuzz: %d requests, seed %d; answers by status %s; %d rejected writes audited; "
                + "%d mutated requests accepted; %.1f s sending, %.1f s auditing%n    per operation %s%n", REQUESTS, SEED,
                statuses, rejectedWrites, acceptedMutations, sending / 1e9, auditing / 1e9, perOperation);
        fixtures.assertSalesStillAddUp();
        assertThat(findings).as("findings of seed %d (replay with -Devently.fuzz.seed=%d)", SEED, SEED).isEmpty();
        assertThat(perOperation.keySet()).as("every operation was tried")
                .containsAll(operations.stream().map(Operation::key).toList());
    }

    /** Operations that hash a password answer slowly by design: tried a quarter as often. */
    private Operation choose(List<Operation> operations) {
        while (true) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            boolean hashes = operation.path().endsWith("/auth/login") || operation.path().endsWith("/auth/register");
            if (!hashes || random.nextInt(4) == 0) {
                return operation;
            }
        }
    }

    private Mutation mutationFor(Operation operation) {
        List<Mutation> possible = new ArrayList<>(List.of(Mutation.METHOD));
        if (operation.body() != null) {
            possible.addAll(List.of(Mutation.MISSING_FIELD, Mutation.EXTRA_FIELD, Mutation.WRONG_TYPE, Mutation.BOUNDARY,
                    Mutation.HUGE_STRING, Mutation.HUGE_ARRAY, Mutation.UNICODE, Mutation.NULL_FIELD, Mutation.NULL_BODY,
                    Mutation.MALFORMED_JSON, Mutation.CONTENT_TYPE));
        }
        for (Param param : operation.params()) {
            possible.add(switch (param.in()) {
                case "path" -> Mutation.PATH_PARAM;
                case "query" -> Mutation.QUERY_PARAM;
                default -> Mutation.HEADER_PARAM;
            });
        }
        return possible.get(random.nextInt(possible.size()));
    }

    // ------------------------------------------------------------------ building a request

    private Sent build(Operation operation, Caller caller, Mutation mutation, HttpRequest.Builder request) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        List<Param> queryParams = operation.params().stream().filter(p -> p.in().equals("query")).toList();
        Param mutatedQuery = mutation == Mutation.QUERY_PARAM ? queryParams.get(random.nextInt(queryParams.size())) : null;
        List<Param> headerParams = operation.params().stream().filter(p -> p.in().equals("header")).toList();
        Param mutatedHeader = mutation == Mutation.HEADER_PARAM ? headerParams.get(random.nextInt(headerParams.size())) : null;
        for (Param param : operation.params()) {
            switch (param.in()) {
                case "path" -> path = path.replace("{" + param.name() + "}", mutation == Mutation.PATH_PARAM
                        ? STRANGE_IDS.get(random.nextInt(STRANGE_IDS.size())) : fixtures.pathId(operation));
                case "query" -> {
                    if (param == mutatedQuery || random.nextInt(3) > 0) {
                        String value = param == mutatedQuery ? strangeParameter() : validQuery(param.name());
                        query.append(query.length() == 0 ? "?" : "&").append(param.name()).append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
                default -> request.header(param.name(), param == mutatedHeader ? strangeHeader() : validHeader(param.name()));
            }
        }
        String uri = Stack.BASE_URL + path + query;
        request.uri(URI.create(uri));
        String token = switch (caller) {
            case ANONYMOUS -> null;
            case USER -> operation.path().endsWith("/auth/logout") ? fixtures.freshUserToken() : fixtures.buyer.token();
            case ADMIN -> operation.path().endsWith("/auth/logout") ? fixtures.freshAdminToken() : fixtures.admin;
        };
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }

        String method = operation.method().toUpperCase();
        Set<Integer> allowed = operation.documented();
        if (mutation == Mutation.METHOD) {
            List<String> others = new ArrayList<>(FuzzContract.METHODS);
            others.removeAll(operation.methods());
            method = others.get(random.nextInt(others.size())).toUpperCase();
            allowed = answersOfAnother(method, path);
        }
        String contentType = "application/json";
        String body = null;
        if (operation.body() != null) {
            JsonNode valid = validBody(operation);
            body = switch (mutation) {
                case MALFORMED_JSON -> malformed(valid.toString());
                case NULL_BODY -> "null";
                case NONE, METHOD, PATH_PARAM, QUERY_PARAM, HEADER_PARAM, CONTENT_TYPE -> valid.toString();
                default -> mutate(valid, operation.body(), mutation).toString();
            };
            if (mutation == Mutation.CONTENT_TYPE) {
                contentType = WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
            }
        } else if (!method.equals("GET") && !method.equals("DELETE") && random.nextBoolean()) {
            body = "{\"unexpected\": true}";  // a body where none is read
        }
        if (body != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return new Sent(operation, caller, mutation, method, uri.length() > 200 ? uri.substring(0, 200) + "…" : uri, allowed);
    }

    /**
     * What a method the path does not have may answer: 405, or, where another path with that method matches (DELETE
     * /waitlist/my-entries is DELETE /waitlist/{id} with a strange id), whatever that operation documents.
     */
    private Set<Integer> answersOfAnother(String method, String path) {
        Set<Integer> allowed = new java.util.TreeSet<>(Set.of(405));
        for (Operation other : operations) {
            String template = other.path().replaceAll("\\{\\w+}", "[^/]+");
            if (other.method().equalsIgnoreCase(method) && path.matches(template)) {
                allowed.addAll(other.documented());
            }
        }
        return allowed;
    }

    private JsonNode validBody(Operation operation) {
        JsonNode body = values.valid(null, operation.body());
        if (body instanceof ObjectNode object) {
            if (operation.path().endsWith("/auth/login")) {
                object.put("email", fixtures.loginTarget);
                object.put("password", random.nextBoolean() ? Auth.PASSWORD : "a wrong password");
            } else if (operation.path().endsWith("/auth/register")) {
                object.put("email", Auth.uniqueEmail());
                object.put("password", "fuzz password, long enough");
            }
        }
        return body;
    }

    /** The valid body with one field changed as the mutation says (or the whole body when it has no fields). */
    private JsonNode mutate(JsonNode valid, JsonNode schema, Mutation mutation) {
        List<String> fields = FuzzValues.fields(valid, "");
        if (!(valid instanceof ObjectNode) || fields.isEmpty()) {
            return mutation == Mutation.HUGE_STRING ? values.huge() : values.wrongType(schema);
        }
        String field = fields.get(random.nextInt(fields.size()));
        ObjectNode parent = parentOf(valid, field);
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonNode fieldSchema = schemaOf(schema, field);
        switch (mutation) {
            case MISSING_FIELD -> parent.remove(name);
            case EXTRA_FIELD -> parent.set("fuzz" + random.nextInt(1000), values.strange());
            case WRONG_TYPE -> parent.set(name, values.wrongType(fieldSchema));
            case BOUNDARY -> parent.set(name, values.boundary(fieldSchema));
            case HUGE_STRING -> parent.set(name, values.huge());
            case HUGE_ARRAY -> parent.set(name, values.hugeArray(fieldSchema == null ? null : fieldSchema.path("items")));
            case UNICODE -> parent.set(name, values.strange());
            case NULL_FIELD -> parent.set(name, NODES.nullNode());
            default -> throw new IllegalArgumentException(mutation.name());
        }
        return valid;
    }

    private static ObjectNode parentOf(JsonNode root, String field) {
        JsonNode node = root;
        String[] steps = field.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            node = step.endsWith("[0]") ? node.path(step.substring(0, step.length() - 3)).path(0) : node.path(step);
        }
        return (ObjectNode) node;
    }

    private static JsonNode schemaOf(JsonNode schema, String field) {
        JsonNode node = schema;
        for (String step : field.split("\\.")) {
            boolean item = step.endsWith("[0]");
            node = node.path("properties").path(item ? step.substring(0, step.length() - 3) : step);
            if (item) {
                node = node.path("items");
            }
        }
        return node.isMissingNode() ? null : node;
    }

    private String malformed(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, Math.max(1, json.length() / 2));
            case 1 -> json + "}}garbage";
            case 2 -> "[" + json + "]";
            case 3 -> "";
            case 4 -> json.replace("\"", "'");
            default -> "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        };
    }

    private String validQuery(String name) {
        return switch (name) {
            case "page" -> "0";
            case "size", "limit" -> "10";
            case "days" -> "7";
            case "since" -> "1";
            case "from" -> "2026-01-01T00:00:00Z";
            case "to" -> "2030-01-01T00:00:00Z";
            default -> "fuzz";
        };
    }

    private String strangeParameter() {
        return switch (random.nextInt(6)) {
            case 0 -> "-1";
            case 1 -> "99999999999999999999";
            case 2 -> "x".repeat(3_000);
            case 3 -> "not-a-date";
            case 4 -> "1.5";
            default -> values.strange().asText();
        };
    }

    private String validHeader(String name) {
        return name.equals("Idempotency-Key") ? UUID.randomUUID().toString() : "t=1,v1=" + "0".repeat(64);
    }

    private String strangeHeader() {
        return switch (random.nextInt(3)) {
            case 0 -> "h".repeat(4_000);
            case 1 -> "";
            default -> "t=-1,v1=zz,v1=" + UUID.randomUUID();
        };
    }

    // ------------------------------------------------------------------ judging an answer

    /** What is wrong with the answer, or null. */
    private static String check(Sent sent, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String where = sent.describe() + " → " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        if (status >= 500) {
            return "server error: " + where;
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at dev.evently")) {
            return "a stack trace reached the client: " + where;
        }
        if (status < 400) {
            return null;
        }
        if (!sent.allowed().contains(status)) {
            return "status not documented for " + sent.operation().key() + " " + sent.allowed() + ": " + where;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "an error that is not a problem: " + where;
        }
        JsonNode problem = Stack.json(response);
        if (problem.path("status").asInt() != status || !problem.path("type").asText().startsWith("https://evently.dev/problems/")) {
            return "a problem without its status or type: " + where;
        }
        return null;
    }

    // ------------------------------------------------------------------ fixtures

    /** The data the fuzzer's valid requests name, and what the rejected ones must leave as it was. */
    private static final class Fixtures {

        String admin;
        Tokens.Account buyer;
        String loginTarget;
        long sacrificialUser;
        long event;
        long draft;
        List<Long> seats;
        long paidBooking;
        long pendingBooking;
        List<JsonNode> tickets = new ArrayList<>();
        String refreshToken;
        long adminId;
        String adminEmail;

        void make() throws InterruptedException {
            String realAdmin = Auth.adminToken();
            admin = Tokens.admin();
            adminId = Tokens.adminId();
            adminEmail = (String) Database.row("select email from users where id = ?", adminId).get("email");
            buyer = Tokens.newUsers(1).get(0);
            sacrificialUser = Tokens.newUsers(1).get(0).id();
            loginTarget = Auth.newUser();
            refreshToken = SessionsIT.login(loginTarget, Auth.PASSWORD).path("refreshToken").asText();
            event = Catalog.smallPublished(realAdmin, Catalog.uniqueName("Fuzz"), 40);
            draft = Catalog.create(realAdmin, Catalog.newEvent(Catalog.uniqueName("Fuzz draft"), "Fuzz Hall", Catalog.START,
                    List.of(Catalog.section("Floor", 1, 4, 1000)))).path("id").asLong();
            seats = Catalog.seatIds(event);
            paidBooking = Stack.json(Auth.post("/api/bookings", buyer.token(),
                    Map.of("eventId", event, "seatIds", seats.subList(0, 2)))).path("id").asLong();
            Provider.pay(buyer.token(), paidBooking).path("tickets").forEach(tickets::add);
            pendingBooking = Stack.json(Auth.post("/api/bookings", buyer.token(),
                    Map.of("eventId", event, "seatIds", seats.subList(2, 3)))).path("id").asLong();
            assertThat(tickets).hasSize(2);
        }

        Map<String, Function<Random, JsonNode>> known() {
            return Map.ofEntries(
                    Map.entry("eventId", r -> NODES.numberNode(event)),
                    Map.entry("seatIds", r -> NODES.arrayNode().add(seats.get(3 + r.nextInt(seats.size() - 3)))),
                    Map.entry("code", r -> tickets.get(r.nextInt(tickets.size())).path("code")),
                    Map.entry("refreshToken", r -> NODES.textNode(refreshToken)),
                    Map.entry("currentPassword", r -> NODES.textNode("not the current password")),
                    Map.entry("newPassword", r -> NODES.textNode("a new password for the fuzz")),
                    Map.entry("role", r -> NODES.textNode("USER")),
                    Map.entry("seats", r -> NODES.numberNode(1)),
                    Map.entry("version", r -> NODES.numberNode(0)),
                    Map.entry("layout", r -> layout()),
                    Map.entry("method", r -> NODES.textNode("CASH")));
        }

        private static JsonNode layout() {
            ObjectNode section = NODES.objectNode().put("name", "Floor").put("rows", 1).put("seatsPerRow", 2)
                    .put("priceCents", 1000);
            ObjectNode layout = NODES.objectNode();
            ArrayNode sections = layout.putArray("sections");
            sections.add(section);
            return layout;
        }

        /** A path's valid id: the fixture it can safely act on (writes only on what may be used up). */
        String pathId(Operation operation) {
            String path = operation.path();
            String method = operation.method();
            if (path.startsWith("/api/admin/events/{id}") && !method.equals("get")) {
                return String.valueOf(draft);
            }
            if (path.contains("/events/{id}")) {
                return String.valueOf(event);
            }
            if (path.startsWith("/api/bookings/{id}") || path.startsWith("/api/admin/bookings/{id}")) {
                return String.valueOf(method.equals("get") ? paidBooking : pendingBooking);
            }
            if (path.startsWith("/api/tickets/{id}")) {
                return tickets.get(0).path("id").asText();
            }
            if (path.startsWith("/api/admin/users/{id}")) {
                return String.valueOf(sacrificialUser);
            }
            return "424242424242";
        }

        /** Logging out ends the token's session: each logout gets a token of its own. */
        String freshUserToken() {
            return Tokens.mint(buyer.id(), buyer.email(), "USER");
        }

        String freshAdminToken() {
            return Tokens.mint(adminId, adminEmail, "ADMIN");
        }

        /**
         * What rejected requests must not change: the fuzzed events' seats (sold or not), bookings (a hold's
         * expiry is not a change: pending and expired are both unpaid), payments and refunds, the events, the newest
         * event and user (none is added), and the roles of the accounts the fuzzer acts as or on.
         */
        String digest() {
            Object[] ids = {event, draft};
            return (String) Database.row("""
                    select md5(coalesce(string_agg(x, ',' order by x), '')) as digest from (
                      select 's' || id || case when status = 'BOOKED' then 'B' else 'F' end as x from seats
                        where event_id in (?, ?)
                      union all select 'b' || id || case when status in ('PENDING', 'EXPIRED') then 'U'
                        when status in ('REFUND_PENDING', 'REFUNDED') then 'R' else status end from bookings
                        where event_id in (?, ?)
                      union all select 'p' || p.id || case when p.status = 'SUCCEEDED' then 'S' else 'O' end
                        from payments p join bookings b on b.id = p.booking_id where b.event_id in (?, ?)
                      union all select 'r' || r.id from refunds r join bookings b on b.id = r.booking_id
                        where b.event_id in (?, ?)
                      union all select 'e' || id || status || version from events where id in (?, ?)
                      union all select 'E' || max(id) from events
                      union all select 'U' || max(id) from users
                      union all select 'R' || id || role from users where id in (?, ?, ?)
                    ) t""", ids[0], ids[1], ids[0], ids[1], ids[0], ids[1], ids[0], ids[1], ids[0], ids[1],
                    adminId, buyer.id(), sacrificialUser).get("digest");
        }

        void assertSalesStillAddUp() {
            SalesAudit.of(event).assertNothingOversold(40);
            MoneyAudit.of(event).assertMoneyAddsUp(false);
        }
    }
}
