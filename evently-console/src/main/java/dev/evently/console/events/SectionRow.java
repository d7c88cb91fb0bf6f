package dev.evently.console.events;

import java.io.Serializable;

/**
 * One section as the admin types it in the layout editor: text as typed, so that a wrong number comes back with a
 * sentence from {@link LayoutRows} instead of a converter's complaint, and nothing typed is lost on the way.
 */
public class SectionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String rows;
    private String seatsPerRow;
    private String price;

    public SectionRow() {
    }

    public SectionRow(String name, String rows, String seatsPerRow, String price) {
        this.name = name;
        this.rows = rows;
        this.seatsPerRow = seatsPerRow;
        this.price = price;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRows() {
        return rows;
    }

    public void setRows(String rows) {
        this.rows = rows;
    }

    public String getSeatsPerRow() {
        return seatsPerRow;
    }

    public void setSeatsPerRow(String seatsPerRow) {
        this.seatsPerRow = seatsPerRow;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }
}
