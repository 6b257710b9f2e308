package io.clientele.shared.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Navigation navigation;

	WebConfiguration(Navigation navigation) {
		this.navigation = navigation;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LayoutModel(navigation)).excludePathPatterns("/api/**", "/webjars/**");
	}

	/**
	 * Controller methods looked for among the mappings whose literal start the path has.
	 */
	@Bean
	static WebMvcRegistrations literalPrefixMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new LiteralPrefixHandlerMapping();
			}
		};
	}

	/**
	 * Versions for the pages' WebJars links, in pages and error pages, in place of Spring
	 * Boot's filter for all links (see {@link WebJarLinks}).
	 */
	@Bean
	static FilterRegistrationBean<ResourceUrlEncodingFilter> webJarLinks(
			ObjectProvider<ResourceUrlProvider> resources) {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new WebJarLinks(resources));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * The time, to the microsecond: what PostgreSQL keeps, so that a record answered as
	 * written shows the same moments as when it is read back.
	 */
	@Bean
	static Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
