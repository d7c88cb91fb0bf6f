package dev.evently.paymentsimulator;

/** The pages a buyer's browser sees: no authentication, the payment id in the URL is the secret. */
final class Checkout {

    private final Ledger ledger;
    private final Decisions decisions;

    Checkout(Ledger ledger, Decisions decisions) {
        this.ledger = ledger;
        this.decisions = decisions;
    }

    void routes(Router router) {
        router.add("GET", "/checkout/" + MerchantApi.ID, this::page)
                .add("POST", "/checkout/" + MerchantApi.ID + "/(pay|decline)", this::decide);
    }

    private Response page(Request request) {
        Payment payment = ledger.payment(request.path(1));
        return payment == null ? unknown() : Response.html(200, CheckoutPage.checkout(payment));
    }

    private Response decide(Request request) {
        Status status = request.path(2).equals("pay") ? Status.SUCCEEDED : Status.FAILED;
        Ledger.Change<Payment> decided = decisions.decide(request.path(1), status, Decisions.Faults.DRAWN);
        // an already decided payment stays as it is; the page shows how it was decided
        return decided == null ? unknown() : Response.html(200, CheckoutPage.result(decided.value()));
    }

    private static Response unknown() {
        return Response.html(404, CheckoutPage.unknown());
    }
}
