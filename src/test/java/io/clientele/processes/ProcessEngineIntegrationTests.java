package io.clientele.processes;

import java.util.Map;

import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded Flowable engine runs route maps on the application's own database and
 * transactions, which later issues rely on (a deal's stage and its process change
 * together).
 */
@ClienteleIntegrationTest
class ProcessEngineIntegrationTests {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void deploy() {
		repository.createDeployment().addClasspathResource("processes/approval.bpmn20.xml").name("approval").deploy();
	}

	@Test
	void a_deployed_map_runs_to_its_end() {
		String businessKey = TestUsers.unique("deal");
		var instance = runtime.startProcessInstanceByKey("approval", businessKey, Map.of("reviewer", "head-1"));
		var task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
		assertThat(task.getName()).isEqualTo("Review the proposal");
		assertThat(task.getAssignee()).isEqualTo("head-1");

		tasks.complete(task.getId());

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getEndTime()).isNotNull();
	}

	@Test
	void the_engine_takes_part_in_the_applications_transaction() {
		String businessKey = TestUsers.unique("deal");
		String department = TestUsers.unique("Rolled back");
		transactions.executeWithoutResult(status -> {
			jdbc.sql("insert into departments (name, parent_id) select ?, id from departments where parent_id is null")
				.param(department)
				.update();
			runtime.startProcessInstanceByKey("approval", businessKey, Map.of("reviewer", "head-1"));
			status.setRollbackOnly();
		});
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
		assertThat(jdbc.sql("select count(*) from departments where name = ?")
			.param(department)
			.query(Long.class)
			.single()).isZero();
	}

}
