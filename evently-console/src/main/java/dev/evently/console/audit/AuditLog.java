package dev.evently.console.audit;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.audit.boundary.AuditEntry;
import dev.evently.audit.boundary.AuditQuery;
import dev.evently.audit.boundary.AuditTrail;

/**
 * The audit log page, for admins: the newest entries first, narrowed by text found in who acted, the action or its
 * subject. Kept for the view, so that paging through the table does not ask the database again; a search or a
 * reload does.
 */
@Named
@ViewScoped
public class AuditLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    private String search;
    private List<AuditEntry> rows = List.of();

    @PostConstruct
    void load() {
        rows = trail.search(AuditQuery.containing(search));
    }

    public void search() {
        load();
    }

    public List<AuditEntry> getRows() {
        return rows;
    }

    /** Whether there may be more entries than shown. */
    public boolean isCapped() {
        return rows.size() >= AuditQuery.MOST;
    }

    public int getMax() {
        return AuditQuery.MOST;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
