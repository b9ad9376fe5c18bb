package io.github.sqlitepragmaagent.testapps.tx;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PanelRepository extends JpaRepository<Panel, Long> {}
