package io.maap.actionplan.learning.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An aspect the partnership added to the default taxonomy. */
@Entity
@Table(name = "registered_aspect")
public class RegisteredAspect {

    @Id
    private String aspect;
    private String label;

    protected RegisteredAspect() {
    }

    RegisteredAspect(String aspect, String label) {
        this.aspect = aspect;
        this.label = label;
    }

    public String getAspect() {
        return aspect;
    }

    public String getLabel() {
        return label;
    }
}
