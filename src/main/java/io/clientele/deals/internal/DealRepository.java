package io.clientele.deals.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface DealRepository extends JpaRepository<Deal, Long> {

}
