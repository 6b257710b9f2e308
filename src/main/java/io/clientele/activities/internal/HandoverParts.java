package io.clientele.activities.internal;

import java.time.Clock;

import io.clientele.activities.HandoverPart;
import io.clientele.activities.MyTasksChanges;
import io.clientele.activities.TaskKind;
import io.clientele.clients.Reassignment;
import io.clientele.deals.DealReassignment;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What handing over moves besides what other modules declare: clients and open deals
 * through their modules' reassignment (those modules cannot implement
 * {@link HandoverPart}, which lives above them), open tasks and open work items.
 */
@Configuration(proxyBeanMethods = false)
class HandoverParts {

	@Bean
	HandoverPart clientsHandover(Reassignment reassignment) {
		return new HandoverPart() {

			@Override
			public String key() {
				return "handover.part.clients";
			}

			@Override
			public int order() {
				return 10;
			}

			@Override
			public long count(long fromUserId, CurrentUser actor) {
				return reassignment.countOf(fromUserId, actor);
			}

			@Override
			public int move(long fromUserId, long toUserId, CurrentUser actor) {
				return reassignment.reassignAll(fromUserId, toUserId, actor);
			}

		};
	}

	@Bean
	HandoverPart dealsHandover(DealReassignment deals) {
		return new HandoverPart() {

			@Override
			public String key() {
				return "handover.part.deals";
			}

			@Override
			public int order() {
				return 20;
			}

			@Override
			public long count(long fromUserId, CurrentUser actor) {
				return deals.countOpenOf(fromUserId);
			}

			@Override
			public int move(long fromUserId, long toUserId, CurrentUser actor) {
				return deals.moveOpen(fromUserId, toUserId, actor);
			}

		};
	}

	@Bean
	HandoverPart tasksHandover(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events,
			MyTasksChanges myTasksChanges, Clock clock) {
		return new TaskHandoverPart(TaskKind.TASK, jdbc, users, events, myTasksChanges, clock);
	}

	@Bean
	HandoverPart workItemsHandover(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events,
			MyTasksChanges myTasksChanges, Clock clock) {
		return new TaskHandoverPart(TaskKind.WORK_ITEM, jdbc, users, events, myTasksChanges, clock);
	}

}
