package io.clientele.activities.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface InteractionRepository extends JpaRepository<Interaction, Long> {

}
