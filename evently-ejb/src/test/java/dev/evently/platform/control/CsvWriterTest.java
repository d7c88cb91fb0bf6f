package dev.evently.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void aHeaderThenQuotedRowsEndingInCrLf() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).header("id", "name").row("42", "Ada, Countess").row(List.of("43", "Bob"));

        assertThat(out).hasToString("\"id\",\"name\"\r\n\"42\",\"Ada, Countess\"\r\n\"43\",\"Bob\"\r\n");
    }

    @Test
    void quotesCommasAndLineBreaksStayInTheirCell() throws IOException {
        assertThat(written("say \"hi\", then\nleave")).isEqualTo("\"say \"\"hi\"\", then\nleave\"");
        assertThat(written("\"\"")).isEqualTo("\"\"\"\"\"\"");
        assertThat(written(null)).isEqualTo("\"\"");
        assertThat(written("")).isEqualTo("\"\"");
    }

    @Test
    void whatASpreadsheetWouldRunIsDefused() throws IOException {
        assertThat(written("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(written("+1")).isEqualTo("\"'+1\"");
        assertThat(written("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(written("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(written("\tx")).isEqualTo("\"'\tx\"");
        assertThat(written("\rx")).isEqualTo("\"'\rx\"");
        assertThat(written("a=b")).as("only at the start").isEqualTo("\"a=b\"");
    }

    @Test
    void aRowWritesEachCellAsCellDoes() throws IOException {
        for (String value : Arrays.asList("=1", "a\"b\"c\"", "\"", "plain", null, "-", "x,y")) {
            assertThat(written(value)).as(String.valueOf(value)).isEqualTo(CsvWriter.cell(value));
        }
    }

    @Test
    void amountsArePlainDecimalsAndTimesUtc() {
        assertThat(CsvWriter.units(4550)).isEqualTo("45.50");
        assertThat(CsvWriter.units(5)).isEqualTo("0.05");
        assertThat(CsvWriter.units(-1234567)).isEqualTo("-12345.67");
        assertThat(CsvWriter.units(Long.MIN_VALUE)).isEqualTo("-92233720368547758.08");
        assertThat(CsvWriter.time(Instant.parse("2026-03-14T18:30:07Z"))).isEqualTo("2026-03-14T18:30:07Z");
        assertThat(CsvWriter.time(null)).isEmpty();
    }

    /** One cell written as a row of its own, without its line end. */
    private static String written(String value) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(value);
        return out.toString().substring(0, out.toString().length() - 2);
    }
}
