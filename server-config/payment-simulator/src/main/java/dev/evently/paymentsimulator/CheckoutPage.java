package dev.evently.paymentsimulator;

/** The HTML of the checkout: one small self-contained page, no scripts, no external resources. */
final class CheckoutPage {

    private static final String STYLE = """
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
            background:#f3f4f8;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433}
            main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(29,36,51,.12);padding:2rem 2.5rem;
            width:min(26rem,90vw)}
            h1{font-size:1.1rem;margin:0 0 1.5rem;color:#5b6478;letter-spacing:.02em}
            .description{margin:0 0 .25rem}
            .amount{font-size:2rem;font-weight:600;margin:0 0 1.5rem}
            .actions{display:flex;gap:.75rem}
            form{margin:0;flex:1}
            button{width:100%;padding:.75rem 1rem;border-radius:8px;border:1px solid transparent;font:inherit;
            font-weight:600;cursor:pointer}
            .primary{background:#2456d6;color:#fff}
            .primary:hover{background:#1b45b0}
            #decline{background:#fff;color:#5b6478;border-color:#cfd4de}
            #decline:hover{background:#f3f4f8}
            #result{font-size:1.2rem;font-weight:600;margin:0}
            #result[data-status=SUCCEEDED]{color:#137333}
            #result[data-status=FAILED]{color:#b3261e}
            #result[data-status=PENDING]{color:#5b6478}
            .note{margin:1.5rem 0 0;font-size:.8rem;color:#8a92a3}
            """;

    private CheckoutPage() {
    }

    static String checkout(Payment payment) {
        if (payment.status().decided()) {
            return result(payment);
        }
        String amount = escape(Money.format(payment.amountCents(), payment.currency()));
        String base = "/checkout/" + escape(payment.id());
        return page(summary(payment) + """
                <div class="actions">
                <form method="post" action="%s/pay"><button id="pay" class="primary">Pay %s</button></form>
                <form method="post" action="%s/decline"><button id="decline">Decline</button></form>
                </div>
                """.formatted(base, amount, base));
    }

    static String result(Payment payment) {
        String text = switch (payment.status()) {
            case SUCCEEDED -> "Payment successful";
            case FAILED -> "Payment declined";
            case PENDING -> "Payment pending";
        };
        return page(summary(payment) + "<p id=\"result\" data-status=\"" + payment.status() + "\">" + text + "</p>\n"
                + "<p class=\"note\">You can close this page and return to Evently.</p>\n");
    }

    static String unknown() {
        return page("<p id=\"result\" data-status=\"UNKNOWN\">There is no such payment.</p>\n");
    }

    private static String summary(Payment payment) {
        return "<p class=\"description\">" + escape(payment.description()) + "</p>\n"
                + "<p class=\"amount\">" + escape(Money.format(payment.amountCents(), payment.currency())) + "</p>\n";
    }

    private static String page(String content) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Evently Pay — checkout</title>
                <style>
                %s</style>
                </head>
                <body>
                <main>
                <h1>Evently Pay</h1>
                %s</main>
                </body>
                </html>
                """.formatted(STYLE, content);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
