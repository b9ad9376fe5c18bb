package io.github.sqlitepragmaagent.testapps.tx;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;

/** A solar panel the service manages, with its free-form settings (the domain of examples/panel-app). */
@Entity
@Table(name = "panels")
public class Panel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String location;

    @ElementCollection
    @CollectionTable(name = "panel_settings", joinColumns = @JoinColumn(name = "panel_id"))
    @MapKeyColumn(name = "setting")
    @Column(name = "value", nullable = false)
    private Map<String, String> settings = new HashMap<>();

    protected Panel() {}

    public Panel(String name, String location) {
        this.name = name;
        this.location = location;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLocation() {
        return location;
    }

    public Map<String, String> getSettings() {
        return settings;
    }
}
