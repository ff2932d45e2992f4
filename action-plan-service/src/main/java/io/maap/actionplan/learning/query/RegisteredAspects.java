package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisteredAspects extends JpaRepository<RegisteredAspect, String> {
}
