package io.clientele.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {

	@Query("select count(t) from ApiToken t where t.userId = ?1 and t.revokedAt is null")
	long countActive(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}
