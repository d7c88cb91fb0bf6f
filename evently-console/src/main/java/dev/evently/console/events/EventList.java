package dev.evently.console.events;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.catalog.boundary.EventOverview;
import dev.evently.catalog.boundary.Events;

/**
 * The events page: events not yet over, soonest first, narrowed by a name search. Kept for the view, so that
 * paging through the table does not ask the database again; a search or a reload does.
 */
@Named
@ViewScoped
public class EventList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** More than a person pages through; the search finds the rest. */
    static final int MAX = 200;

    @Inject
    Events events;

    private String search;
    private List<EventOverview> rows = List.of();

    @PostConstruct
    void load() {
        rows = events.forStaff(search, MAX);
    }

    public void search() {
        load();
    }

    public List<EventOverview> getRows() {
        return rows;
    }

    /** Whether there may be more events than shown. */
    public boolean isCapped() {
        return rows.size() >= MAX;
    }

    public int getMax() {
        return MAX;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
