package io.clientele.shared.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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
	 * The time, to the microsecond: what PostgreSQL keeps, so that a record answered as
	 * written shows the same moments as when it is read back.
	 */
	@Bean
	static Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
