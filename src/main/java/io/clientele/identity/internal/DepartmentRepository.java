package io.clientele.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	@Query("select d from Department d where d.parentId is null")
	Optional<Department> findRoot();

	@Query("select d from Department d where d.headUserId = ?1")
	Optional<Department> findHeadedBy(long userId);

	@Query("select count(d) > 0 from Department d where d.parentId = ?1")
	boolean hasChildren(long departmentId);

	@Query("select count(d) > 0 from Department d where d.id <> ?3 and lower(d.name) = lower(?1) and d.parentId = ?2")
	boolean siblingNamed(String name, long parentId, long exceptId);

}
