package dev.evently.platform.control;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV (RFC 4180) to a writer, row by row, as the rows come: nothing is kept, so a list of any length costs
 * the memory of one row. Every cell is quoted (quotes doubled), so commas, quotes and line breaks in names stay in
 * their cell; lines end in CRLF. A cell a spreadsheet would take for a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe: a customer named {@code =HYPERLINK(...)} is shown as text, never run.
 * The one home of these rules, for the console's downloads and the API's exports alike.
 */
public final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** The header row: the columns' names. */
    public CsvWriter header(String... names) throws IOException {
        return row(names);
    }

    /** One row; a null cell is empty. */
    public CsvWriter row(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            write(cells[i]);
        }
        out.write("\r\n");
        return this;
    }

    /** One row; a null cell is empty. */
    public CsvWriter row(List<String> cells) throws IOException {
        return row(cells.toArray(String[]::new));
    }

    /** Hands what was written on (to the client, when the writer is a response's). */
    public void flush() throws IOException {
        out.flush();
    }

    private void write(String value) throws IOException {
        out.write('"');
        if (value != null && !value.isEmpty()) {
            if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
                out.write('\'');
            }
            int from = 0;
            for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
                out.write(value, from, quote + 1 - from);
                out.write('"');
                from = quote + 1;
            }
            out.write(value, from, value.length() - from);
        }
        out.write('"');
    }

    /** One cell as {@link #row} writes it: defused, quoted. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** An amount in whole currency units as a plain decimal, as spreadsheets read it: 4550 cents → "45.50". */
    public static String units(long cents) {
        String sign = cents < 0 ? "-" : "";
        // divide first: the quotient and remainder of any long have an absolute value that fits
        return sign + Math.abs(cents / 100) + "." + String.format(Locale.ROOT, "%02d", Math.abs(cents % 100));
    }

    /** An instant in ISO-8601, UTC ({@code 2026-03-14T18:30:07Z}); none: empty. */
    public static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
