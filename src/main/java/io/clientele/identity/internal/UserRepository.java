package io.clientele.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, Long> {

	@Query("select u from User u where lower(u.username) = lower(?1)")
	Optional<User> findByUsername(String username);

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(?1)")
	boolean usernameTaken(String username);

	@Query("select count(u) > 0 from User u where lower(u.email) = lower(?1) and u.id <> ?2")
	boolean emailTakenByOther(String email, long userId);

	@Query("select count(u) from User u where u.role = io.clientele.identity.Role.ADMINISTRATOR and u.active = true")
	long countActiveAdministrators();

	@Query("select count(u) > 0 from User u where u.departmentId = ?1")
	boolean anyInDepartment(long departmentId);

}
