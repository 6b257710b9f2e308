package io.clientele.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Plain scheduled jobs ({@code @Scheduled}) of every module. A job that must run on one
 * node of a cluster at a time guards itself through the database (the duplicate scan
 * holds a lease row).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
